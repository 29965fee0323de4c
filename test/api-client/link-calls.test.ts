// The pane's secure-link calls against the real server over HTTP on 127.0.0.1: create, upload (as the pane's
// XMLHttpRequest does, one PUT of raw bytes), complete, list and revoke, so parsers and routes cannot drift.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, completeLinks, createLinks, myLinks, revokeLinks } from '../../src/api-client/index.js';
import { buildApp } from '../../src/server/app.js';
import { DEFAULT_LINK_LIMITS } from '../../src/server/links/link-limits.js';
import { GOOD_POLICY, workspace, type Workspace } from '../server/fixtures.js';
import { KEK } from '../server/links/harness.js';

// Synced SQLite commits on a busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const TOKEN = 'development-token-for-link-calls';
let files: Workspace;
let app: FastifyInstance;
let origin = '';

beforeAll(async () => {
  files = workspace({ ...GOOD_POLICY, attachments: { protection: { link: { requireCode: false, expiryDays: 5 } } } });
  app = await buildApp(
    files.config({
      logLevel: 'silent',
      auth: { developmentToken: { token: TOKEN, forced: false }, admins: [] },
      links: {
        dataDirectory: join(files.directory, 'data'),
        keyring: { kind: 'inline', entries: [`calls-1:${KEK}`] },
        smtp: null,
        limits: DEFAULT_LINK_LIMITS,
      },
    }),
  );
  origin = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app?.close();
  files?.remove();
});

describe('secure-link calls', () => {
  it('creates a package, uploads, completes with one link per recipient, lists it as mine and revokes it', async () => {
    const content = Buffer.from('顧客一覧\n'.repeat(100));
    const created = await createLinks(
      origin,
      TOKEN,
      { files: [{ name: '顧客一覧.csv', size: content.length }], recipients: ['hanako@partner.example', 'bob@other.example'] },
      10_000,
    );
    expect(created.files).toEqual([expect.objectContaining({ name: '顧客一覧.csv', size: content.length })]);
    expect(Date.parse(created.expiresAt) - Date.now()).toBeGreaterThan(4.9 * 86_400_000);

    const upload = await fetch(`${origin}${created.files[0]?.uploadPath ?? ''}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/octet-stream' },
      body: content,
    });
    expect(upload.status).toBe(200);

    const completed = await completeLinks(origin, TOKEN, created.id, 10_000);
    expect(completed.links.map((link) => link.recipient)).toEqual(['hanako@partner.example', 'bob@other.example']);
    expect(new Set(completed.links.map((link) => link.url)).size).toBe(2);

    const mine = await myLinks(origin, TOKEN, 10_000);
    expect(mine[0]).toMatchObject({ id: created.id, status: 'active', files: [{ name: '顧客一覧.csv', size: content.length }] });
    expect(mine[0]?.recipients.map((recipient) => recipient.downloads)).toEqual([0, 0]);

    expect(await revokeLinks(origin, TOKEN, created.id, 10_000)).toMatchObject({ id: created.id, status: 'revoked' });
    expect((await myLinks(origin, TOKEN, 10_000))[0]?.status).toBe('revoked');
  });

  it('says why the server refused: completing before the upload, and a package that is not there', async () => {
    const created = await createLinks(
      origin,
      TOKEN,
      { files: [{ name: 'a.txt', size: 3 }], recipients: ['hanako@partner.example'] },
      10_000,
    );
    const early = completeLinks(origin, TOKEN, created.id, 10_000);
    await expect(early).rejects.toBeInstanceOf(ApiError);
    await expect(early).rejects.toMatchObject({ code: 'http', status: 409 });
    await expect(revokeLinks(origin, TOKEN, 'no-such-package', 10_000)).rejects.toMatchObject({ code: 'http', status: 404 });
    await expect(myLinks(origin, 'not-the-token', 10_000)).rejects.toMatchObject({ code: 'http', status: 401 });
  });

  it('refuses a request over the policy, naming the field', async () => {
    const call = createLinks(
      origin,
      TOKEN,
      { files: [{ name: 'a.txt', size: 3 }], recipients: ['hanako@partner.example'], expiryDays: 9 },
      10_000,
    );
    await expect(call).rejects.toMatchObject({ code: 'http', status: 400, detail: expect.stringContaining('expiryDays') });
  });
});
