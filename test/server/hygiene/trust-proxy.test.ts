import { describe, expect, it } from 'vitest';
import { readTrustProxyEnvironment } from '../../../src/server/api-hygiene/proxy-config.js';
import { buildApp } from '../../../src/server/app.js';
import { logCapture, workspace } from '../fixtures.js';

describe('readTrustProxyEnvironment', () => {
  it.each([
    [undefined, { problems: [] }],
    ['10.0.0.5', { trustProxy: ['10.0.0.5'], problems: [] }],
    ['127.0.0.1, 10.0.0.0/8 ::1 fd00::/8', { trustProxy: ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8'], problems: [] }],
  ])('%j', (text, expected) => {
    expect(readTrustProxyEnvironment(text === undefined ? {} : { PREFLIGHT_TRUST_PROXY: text })).toEqual(expected);
  });

  it.each(['true', '*', '10.0.0.0/33', 'proxy.example', '2'])('refuses %j', (text) => {
    const result = readTrustProxyEnvironment({ PREFLIGHT_TRUST_PROXY: text });
    expect([result.trustProxy, result.problems.join('')]).toEqual([undefined, expect.stringContaining(JSON.stringify(text))]);
  });
});

describe('client address behind a proxy', () => {
  async function loggedAddress(trustProxy: readonly string[] | undefined): Promise<unknown> {
    const files = workspace();
    const capture = logCapture();
    const app = await buildApp(files.config({ logLevel: 'info', ...(trustProxy === undefined ? {} : { trustProxy }) }), {
      logStream: capture.stream,
    });
    await app.inject({ url: '/healthz', remoteAddress: '10.0.0.5', headers: { 'x-forwarded-for': '203.0.113.7' } });
    await app.close();
    files.remove();
    return (capture.records.find((record) => record.msg === 'incoming request')?.['req'] as { remoteAddress?: unknown } | undefined)
      ?.remoteAddress;
  }

  it('is the forwarded client when the proxy is trusted, and the socket otherwise', async () => {
    expect(await loggedAddress(['10.0.0.0/8'])).toBe('203.0.113.7');
    expect(await loggedAddress(['192.168.0.1'])).toBe('10.0.0.5');
    expect(await loggedAddress(undefined)).toBe('10.0.0.5');
  });
});
