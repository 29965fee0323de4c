// A download that is running when its link is revoked: the response stops short, never looks complete,
// and the audit says why. The harness's clock is moved past the server's check interval after revoking.
import { randomBytes } from 'node:crypto';
import { request, type IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { linkPath, share, startHarness, type Harness } from './harness.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

// Larger than loopback socket buffers hold, so most of it is still on the server when the link is revoked.
const SIZE = 48 * 1024 * 1024;

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  await harness.close();
});

/** Starts the download and resolves with the response once its first bytes have arrived, paused. */
function startDownload(path: string): Promise<{ response: IncomingMessage; first: number }> {
  return new Promise((resolve, reject) => {
    const body = 'file=0';
    const outgoing = request(
      `${harness.origin}${path}/download`,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': body.length } },
      (response) => {
        response.once('data', (chunk: Buffer) => {
          response.pause();
          resolve({ response, first: chunk.length });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Reads the rest; resolves with the bytes and whether Node saw the whole declared body. */
function finish(response: IncomingMessage, first: number): Promise<{ bytes: number; complete: boolean }> {
  return new Promise((resolve) => {
    let bytes = first;
    response.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    response.on('error', () => undefined);
    response.on('close', () => resolve({ bytes, complete: response.complete }));
    response.resume();
  });
}

describe('revoking a link during a download', () => {
  it('stops the running download short of the declared length and audits it as revoked', async () => {
    const shared = await share(harness.app, [{ name: 'large.bin', content: randomBytes(SIZE) }], { requireCode: false });
    const { response, first } = await startDownload(linkPath(shared.links[0]?.url ?? ''));
    expect([response.statusCode, response.headers['content-length']]).toEqual([200, String(SIZE)]);

    const revoked = await harness.app.inject({ method: 'POST', url: `/api/links/${shared.id}/revoke`, headers: { authorization: 'Bearer owner-token' } });
    expect(revoked.statusCode).toBe(200);
    harness.advance(60_000);
    const rest = await finish(response, first);

    expect(rest.complete).toBe(false);
    expect(rest.bytes).toBeLessThan(SIZE);
    const audit = await harness.app.inject({ url: `/api/links/${shared.id}/audit`, headers: { authorization: 'Bearer owner-token' } });
    const downloads = (audit.json() as { entries: { action: string; result: string; bytes: number }[] }).entries.filter((entry) => entry.action === 'download');
    expect(downloads).toEqual([expect.objectContaining({ result: 'revoked' })]);
    expect(downloads[0]?.bytes).toBeLessThan(SIZE);
  });
});
