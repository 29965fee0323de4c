// The real server (build/server/main.js) killed with SIGKILL in the middle of uploads, then started again
// on the same data directory: nothing partial is listed or served, complete packages still download.
// `npm test` builds first; for a local run: npm run build:node
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { GOOD_POLICY, ROOT, workspace } from '../fixtures.js';
import { KEK } from './harness.js';

const MAIN = resolve(ROOT, 'build/server/main.js');
const TOKEN = 'crash-test-development-token';
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

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

async function start(port: number): Promise<{ child: ChildProcess; origin: string }> {
  if (!existsSync(MAIN)) throw new Error('build/server/main.js is missing: run `npm run build:node` first');
  const child = spawn(process.execPath, [MAIN], {
    cwd: files.directory,
    env: {
      PATH: process.env['PATH'],
      HOME: files.directory,
      HOST: '127.0.0.1',
      PORT: String(port),
      PREFLIGHT_TLS: 'off',
      PREFLIGHT_PUBLIC_URL: `https://localhost:${port}`,
      PREFLIGHT_POLICY: files.policyFile,
      PREFLIGHT_DIST: files.distDirectory,
      PREFLIGHT_ASSETS: files.assetsDirectory,
      PREFLIGHT_DATA: dataDirectory,
      PREFLIGHT_KEKS: `crash-1:${KEK}`,
      PREFLIGHT_DEV_TOKEN: TOKEN,
      PREFLIGHT_RATE_LIMIT_USER: '10000',
      PREFLIGHT_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  const index = outputs.push('') - 1;
  let output = '';
  await new Promise<void>((done, fail) => {
    const look = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      outputs[index] = output;
      if (output.includes('Preflight is running')) done();
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      outputs[index] = output;
    });
    child.on('exit', (code) => fail(new Error(`server exited (${code}) before it was ready:\n${output}`)));
  });
  return { child, origin: `http://127.0.0.1:${port}` };
}

const AUTH = { authorization: `Bearer ${TOKEN}` };

async function api(origin: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: { ...AUTH, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? null : JSON.parse(text) };
}

async function upload(origin: string, path: string, content: Buffer): Promise<number> {
  const response = await fetch(`${origin}${path}`, { method: 'PUT', headers: { ...AUTH, 'content-type': 'application/octet-stream' }, body: new Uint8Array(content) });
  await response.arrayBuffer();
  return response.status;
}

async function shareComplete(origin: string, name: string, content: Buffer): Promise<{ id: string; url: string }> {
  const created = await api(origin, 'POST', '/api/links', { files: [{ name, size: content.length }], recipients: ['hanako@partner.example'], requireCode: false });
  expect(created.status).toBe(201);
  expect(await upload(origin, created.json.files[0].uploadPath, content)).toBe(200);
  const completed = await api(origin, 'POST', `/api/links/${created.json.id}/complete`);
  expect(completed.status).toBe(200);
  return { id: created.json.id, url: completed.json.links[0].url };
}

/** Starts a PUT that sends `sent` bytes of a larger declared file and then stalls, as a slow client would. */
function stalledUpload(origin: string, path: string, declared: number, sent: number): void {
  const url = new URL(`${origin}${path}`);
  const put = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'PUT', headers: { ...AUTH, 'content-type': 'application/octet-stream', 'content-length': String(declared) } });
  put.on('error', () => undefined);
  put.write(randomBytes(sent));
}

function incomingBytes(): number {
  const directory = join(dataDirectory, 'blobs', '.incoming');
  return readdirSync(directory).reduce((total, name) => total + statSync(join(directory, name)).size, 0);
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function downloadBytes(origin: string, url: string): Promise<{ status: number; body: Buffer }> {
  const response = await fetch(`${origin}${new URL(url).pathname}/download`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'file=0',
  });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

describe('SIGKILL in the middle of uploads', () => {
  it('leaves no partial package listed or served, and complete ones still download', { timeout: 60_000 }, async () => {
    onTestFailed(() => console.error(`server output:\n${outputs.join('\n---- restart ----\n')}`));
    const port = await freePort();
    const first = await start(port);
    const completeContent = randomBytes(300 * 1024);
    const complete = await shareComplete(first.origin, '完了.bin', completeContent);

    // A package whose only file is half uploaded, one whose files are all uploaded but that was never completed.
    const streaming = await api(first.origin, 'POST', '/api/links', { files: [{ name: 'big.bin', size: 20_000_000 }], recipients: ['a@partner.example'], requireCode: false });
    const uploaded = await api(first.origin, 'POST', '/api/links', { files: [{ name: 'x.bin', size: 1000 }, { name: 'y.bin', size: 1000 }], recipients: ['a@partner.example'], requireCode: false });
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
