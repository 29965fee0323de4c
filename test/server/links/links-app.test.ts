// Secure links inside buildApp, with the real auth plugin (development token), API hygiene and logging.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../../src/server/app.js';
import { DEFAULT_LINK_LIMITS } from '../../../src/server/links/link-limits.js';
import { GOOD_POLICY, logCapture, workspace, type LogRecord, type Workspace } from '../fixtures.js';
import { KEK, share } from './harness.js';

// Each test runs several HTTP round trips with synced SQLite commits; a busy machine needs more than 5 s.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const TOKEN = 'development-token-for-link-tests';

let files: Workspace;
let app: FastifyInstance;
let logs: LogRecord[];

beforeEach(async () => {
  // Links without a one-time code, since this server has no mail relay; the policy tests below change it.
  // A public origin (the token forced): on localhost a development server would catch the mail instead (docs/protection.md).
  files = workspace({ ...GOOD_POLICY, attachments: { protection: { link: { requireCode: false } } } });
  const capture = logCapture();
  logs = capture.records;
  app = await buildApp(
    files.config({
      logLevel: 'trace',
      publicOrigin: 'https://preflight.example.co.jp',
      auth: { developmentToken: { token: TOKEN, forced: true }, admins: [] },
      links: {
        dataDirectory: join(files.directory, 'data'),
        keyring: { kind: 'inline', entries: [`app-1:${KEK}`] },
        smtp: null,
        limits: DEFAULT_LINK_LIMITS,
      },
    }),
    { logStream: capture.stream },
  );
});

afterEach(async () => {
  await app.close();
  files.remove();
});

describe('secure links in buildApp', () => {
  it('needs the bearer token, shares and serves a file, and logs no token or content even at trace level', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/links/mine' })).statusCode).toBe(401);
    const content = Buffer.from('TRACE-LEVEL-CONTENT-MARKER');
    const shared = await share(app, [{ name: '見積書.txt', content }], { requireCode: false, token: TOKEN });
    const token = new URL(shared.links[0]?.url ?? '').pathname.slice('/d/'.length);
    expect((await app.inject({ url: `/d/${token}` })).statusCode).toBe(200);
    const download = await app.inject({
      method: 'POST',
      url: `/d/${token}/download`,
      payload: 'file=0',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(download.rawPayload).toEqual(content);
    const text = logs.map((record) => JSON.stringify(record)).join('\n');
    for (const secret of [token, TOKEN, 'TRACE-LEVEL-CONTENT-MARKER']) expect(text).not.toContain(secret);
  });

  it('refuses a link that needs a code when no mail relay is configured, saying why', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/links',
      headers: { authorization: `Bearer ${TOKEN}` },
      payload: { files: [{ name: 'a.txt', size: 1 }], recipients: ['a@partner.example'], requireCode: true },
    });
    expect(response.statusCode).toBe(409);
    expect((response.json() as { message: string }).message).toContain('no SMTP relay configured');
  });

  it('follows the policy file as it is reloaded: its code requirement and its expiry limit', async () => {
    const post = (payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: '/api/links', headers: { authorization: `Bearer ${TOKEN}` }, payload });
    const request = { files: [{ name: 'a.txt', size: 1 }], recipients: ['a@partner.example'] };
    expect((await post({ ...request, expiryDays: 7 })).statusCode).toBe(201);
    files.writePolicy({ ...GOOD_POLICY, attachments: { protection: { link: { expiryDays: 3 } } } });
    expect(await app.preflight.reloadPolicy()).toMatchObject({ status: 'updated' });
    const tooLong = await post({ ...request, expiryDays: 7, requireCode: true });
    expect(tooLong.statusCode).toBe(400);
    expect((tooLong.json() as { message: string }).message).toContain('attachments.protection.link.expiryDays: 3');
    // The default policy requires a code; without a relay the server says so instead of making a link without one.
    const defaulted = await post(request);
    expect(defaulted.statusCode).toBe(409);
    expect((defaulted.json() as { message: string }).message).toContain('no SMTP relay configured');
  });

  it('lists the link routes in the OpenAPI document', async () => {
    const document = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/links',
        '/api/links/{id}/files/{fileId}',
        '/api/links/{id}/complete',
        '/api/links/mine',
        '/api/links/{id}/revoke',
        '/api/links/{id}/audit',
        '/api/admin/links',
        '/d/{token}',
        '/d/{token}/download',
      ]),
    );
  });
});
