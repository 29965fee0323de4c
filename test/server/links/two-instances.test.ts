// Two server processes behind one PostgreSQL and one Azure Blob Storage container (Azurite), each with a
// data directory of its own, as several instances behind a load
// balancer run (docs/deploy.md): a link made through A downloads through B, a revoke through B stops a
// download running on A, a save through B reaches A, and killing A in the middle of an upload loses
// nothing and serves nothing half-made. `npm test` builds first; for a local run: npm run build:node.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { GOOD_POLICY, workspace } from '../fixtures.js';
import { startAzurite, type TestObjectStore } from '../../../src/bench/local-object-stores.js';
import { startTestPostgres, type TestPostgres } from '../../../src/bench/local-postgres.js';
import {
  api,
  downloadBytes,
  finishDownload,
  pausedDownload,
  shareComplete,
  stalledUpload,
  startServerProcess,
  type ServerProcess,
} from '../support/server-process.js';
import { KEK } from './harness.js';

const files = workspace({ ...GOOD_POLICY, attachments: { protection: { link: { requireCode: false } } } });
const ownDirectories = [mkdtempSync(join(tmpdir(), 'preflight-two-a-')), mkdtempSync(join(tmpdir(), 'preflight-two-b-'))] as const;
let postgres: TestPostgres;
let azurite: TestObjectStore;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  [postgres, azurite] = await Promise.all([startTestPostgres(), startAzurite()]);
  const env = {
    PREFLIGHT_POLICY: files.policyFile,
    PREFLIGHT_DIST: files.distDirectory,
    PREFLIGHT_ASSETS: files.assetsDirectory,
    PREFLIGHT_DATABASE_URL: await postgres.database('two_instances'),
    PREFLIGHT_BLOB_URL: 'azure://preflight-two',
    AZURE_STORAGE_CONNECTION_STRING: azurite.address,
    PREFLIGHT_KEKS: `shared-1:${KEK}`,
  };
  // Started together: both migrate and seed the policy against the same empty database.
  const [dataA, dataB] = ownDirectories;
  [a, b] = await Promise.all([
    startServerProcess(files.directory, { ...env, PREFLIGHT_DATA: dataA }),
    startServerProcess(files.directory, { ...env, PREFLIGHT_DATA: dataB }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
  await Promise.all([postgres?.stop(), azurite?.stop()]);
  files.remove();
  for (const directory of ownDirectories) rmSync(directory, { recursive: true, force: true });
});

describe('two instances on one database', () => {
  it('serves through B a link made through A, and both know it', { timeout: 30_000 }, async () => {
    onTestFailed(() => console.error(`A:\n${a.output()}\nB:\n${b.output()}`));
    const content = randomBytes(700 * 1024);
    const link = await shareComplete(a.origin, '見積書.pdf', content);
    const downloaded = await downloadBytes(b.origin, link.url);
    expect(downloaded.status).toBe(200);
    expect(downloaded.body.equals(content)).toBe(true);
    const listed = await api(b.origin, 'GET', '/api/links/mine');
    expect(listed.json.links.map((entry: { id: string }) => entry.id)).toContain(link.id);
  });

  it('stops a download running on A when the link is revoked through B', { timeout: 30_000 }, async () => {
    onTestFailed(() => console.error(`A:\n${a.output()}\nB:\n${b.output()}`));
    const size = 48 * 1024 * 1024;
    const link = await shareComplete(a.origin, 'large.bin', randomBytes(size));
    const { response, first } = await pausedDownload(a.origin, link.url);
    expect(response.headers['content-length']).toBe(String(size));
    expect((await api(b.origin, 'POST', `/api/links/${link.id}/revoke`)).status).toBe(200);
    // A looks at the package between chunks at most once a second (REVOCATION_CHECK_MS, src/server/links/recipient-operations.ts).
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const rest = await finishDownload(response, first);
    expect(rest.complete).toBe(false);
    expect(rest.bytes).toBeLessThan(size);
    expect((await downloadBytes(a.origin, link.url)).status).not.toBe(200);
  });

  it('takes on A a policy version saved through B', { timeout: 30_000 }, async () => {
    const active = await api(b.origin, 'GET', '/api/admin/policy');
    const saved = await api(b.origin, 'POST', '/api/admin/policy', {
      document: { ...active.json.document, bccSuggestThreshold: 7 },
      reason: 'two instances',
      baseVersion: active.json.version,
    });
    expect(saved.status).toBe(201);
    let served: { bccSuggestThreshold?: number } = {};
    for (let attempt = 0; attempt < 100 && served.bccSuggestThreshold !== 7; attempt += 1) {
      served = (await (await fetch(`${a.origin}/api/policy`)).json()) as typeof served;
      if (served.bccSuggestThreshold !== 7) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(served.bccSuggestThreshold).toBe(7);
    expect((await api(a.origin, 'GET', '/api/admin/policy')).json.version).toBe(saved.json.version);
  });

  it('loses nothing and serves nothing half-made when A is killed in the middle of an upload', { timeout: 30_000 }, async () => {
    onTestFailed(() => console.error(`A:\n${a.output()}\nB:\n${b.output()}`));
    const kept = randomBytes(300 * 1024);
    const complete = await shareComplete(a.origin, '完了.bin', kept);
    const streaming = await api(a.origin, 'POST', '/api/links', {
      files: [{ name: 'big.bin', size: 20_000_000 }],
      recipients: ['a@partner.example'],
      requireCode: false,
    });
    expect(streaming.status).toBe(201);
    stalledUpload(a.origin, streaming.json.files[0].uploadPath, 20_000_000, 3_000_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await a.stop('SIGKILL');

    const mine = await api(b.origin, 'GET', '/api/links/mine');
    const ids = mine.json.links.map((entry: { id: string }) => entry.id);
    expect(ids).toContain(complete.id);
    expect(ids).not.toContain(streaming.json.id);
    expect((await api(b.origin, 'POST', `/api/links/${streaming.json.id}/complete`)).status).not.toBe(200);
    const downloaded = await downloadBytes(b.origin, complete.url);
    expect(downloaded.status).toBe(200);
    expect(downloaded.body.equals(kept)).toBe(true);
  });
});
