// The real server (build/server/main.js) killed with SIGKILL in the middle of uploads, then started again
// on the same data directory: nothing partial is listed or served, complete packages still download.
// `npm test` builds first; for a local run: npm run build:node
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { freePort } from '../../../src/bench/free-port.js';
import { GOOD_POLICY, workspace } from '../fixtures.js';
import {
  api,
  downloadBytes,
  shareComplete,
  stalledUpload,
  startServerProcess,
  upload,
  type ServerProcess,
} from '../support/server-process.js';
import { KEK } from './harness.js';

// Links without a code: the crash test has no mail relay, and the policy must allow what it asks for.
const files = workspace({ ...GOOD_POLICY, attachments: { protection: { link: { requireCode: false } } } });
const dataDirectory = mkdtempSync(join(tmpdir(), 'preflight-crash-'));
const running: ChildProcess[] = [];
const outputs: string[] = [];

afterAll(() => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  files.remove();
  rmSync(dataDirectory, { recursive: true, force: true });
});

async function start(port: number): Promise<{ child: ServerProcess['child']; origin: string }> {
  const server = await startServerProcess(
    files.directory,
    {
      PREFLIGHT_POLICY: files.policyFile,
      PREFLIGHT_DIST: files.distDirectory,
      PREFLIGHT_ASSETS: files.assetsDirectory,
      PREFLIGHT_DATA: dataDirectory,
      PREFLIGHT_KEKS: `crash-1:${KEK}`,
    },
    port,
  );
  running.push(server.child);
  outputs.push('');
  const index = outputs.length - 1;
  server.child.stdout?.on('data', () => (outputs[index] = server.output()));
  server.child.stderr?.on('data', () => (outputs[index] = server.output()));
  return { child: server.child, origin: server.origin };
}

function incomingBytes(): number {
  const directory = join(dataDirectory, 'blobs', '.incoming');
  return readdirSync(directory).reduce((total, name) => total + statSync(join(directory, name)).size, 0);
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('SIGKILL in the middle of uploads', () => {
  it('leaves no partial package listed or served, and complete ones still download', { timeout: 60_000 }, async () => {
    onTestFailed(() => console.error(`server output:\n${outputs.join('\n---- restart ----\n')}`));
    const port = await freePort();
    const first = await start(port);
    const completeContent = randomBytes(300 * 1024);
    const complete = await shareComplete(first.origin, '完了.bin', completeContent);

    // A package whose only file is half uploaded, one whose files are all uploaded but that was never completed.
    const streaming = await api(first.origin, 'POST', '/api/links', {
      files: [{ name: 'big.bin', size: 20_000_000 }],
      recipients: ['a@partner.example'],
      requireCode: false,
    });
    const uploaded = await api(first.origin, 'POST', '/api/links', {
      files: [
        { name: 'x.bin', size: 1000 },
        { name: 'y.bin', size: 1000 },
      ],
      recipients: ['a@partner.example'],
      requireCode: false,
    });
    expect(await upload(first.origin, uploaded.json.files[0].uploadPath, randomBytes(1000))).toBe(200);
    expect(await upload(first.origin, uploaded.json.files[1].uploadPath, randomBytes(1000))).toBe(200);
    stalledUpload(first.origin, streaming.json.files[0].uploadPath, 20_000_000, 3_000_000);
    await until(() => incomingBytes() > 1_000_000);

    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    expect(incomingBytes()).toBeGreaterThan(0);

    const second = await start(port);
    const mine = await api(second.origin, 'GET', '/api/links/mine');
    expect(mine.json.links.map((link: { id: string }) => link.id)).toEqual([complete.id]);
    expect((await api(second.origin, 'POST', `/api/links/${uploaded.json.id}/complete`)).status).toBe(404);
    expect(await upload(second.origin, streaming.json.files[0].uploadPath, randomBytes(10))).toBe(404);
    expect(incomingBytes()).toBe(0);
    expect(readdirSync(join(dataDirectory, 'blobs')).sort()).toEqual(['.incoming', complete.id].sort());
    const database = new Database(join(dataDirectory, 'links.sqlite'), { readonly: true });
    expect(database.prepare("SELECT COUNT(*) AS n FROM packages WHERE state = 'uploading'").get()).toEqual({ n: 0 });
    database.close();

    const downloaded = await downloadBytes(second.origin, complete.url);
    expect(downloaded.status).toBe(200);
    expect(downloaded.body.equals(completeContent)).toBe(true);

    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
  });
});
