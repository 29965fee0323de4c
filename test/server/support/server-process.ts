// The calls the tests that kill or multiply the built server make (src/bench/built-server.ts starts it):
// `npm test` builds first; for a local run: npm run build:node.
import { randomBytes } from 'node:crypto';
import { request, type IncomingMessage } from 'node:http';
import { BUILT_SERVER_TOKEN, startBuiltServer, type ServerProcess } from '../../../src/bench/built-server.js';
import { ROOT } from '../fixtures.js';

export type { ServerProcess };
const AUTH = { authorization: `Bearer ${BUILT_SERVER_TOKEN}` };

/** Starts the built server with the development token, plain HTTP on 127.0.0.1, and the given environment. */
export function startServerProcess(cwd: string, env: Readonly<Record<string, string>>, port?: number): Promise<ServerProcess> {
  return startBuiltServer(ROOT, cwd, env, port);
}

export async function api(origin: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: { ...AUTH, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? null : JSON.parse(text) };
}

export async function upload(origin: string, path: string, content: Buffer): Promise<number> {
  const response = await fetch(`${origin}${path}`, {
    method: 'PUT',
    headers: { ...AUTH, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(content),
  });
  await response.arrayBuffer();
  return response.status;
}

/** create → upload → complete, without a code; returns the package id and the recipient's link. */
export async function shareComplete(origin: string, name: string, content: Buffer): Promise<{ id: string; url: string }> {
  const created = await api(origin, 'POST', '/api/links', {
    files: [{ name, size: content.length }],
    recipients: ['hanako@partner.example'],
    requireCode: false,
  });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.json)}`);
  const uploaded = await upload(origin, created.json.files[0].uploadPath, content);
  if (uploaded !== 200) throw new Error(`upload: ${uploaded}`);
  const completed = await api(origin, 'POST', `/api/links/${created.json.id}/complete`);
  if (completed.status !== 200) throw new Error(`complete: ${completed.status} ${JSON.stringify(completed.json)}`);
  return { id: created.json.id, url: completed.json.links[0].url };
}

/** Starts a PUT that sends `sent` bytes of a larger declared file and then stalls, as a slow client would. */
export function stalledUpload(origin: string, path: string, declared: number, sent: number): void {
  const url = new URL(`${origin}${path}`);
  const put = request({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'PUT',
    headers: { ...AUTH, 'content-type': 'application/octet-stream', 'content-length': String(declared) },
  });
  put.on('error', () => undefined);
  put.write(randomBytes(sent));
}

export async function downloadBytes(origin: string, url: string): Promise<{ status: number; body: Buffer }> {
  const response = await fetch(`${origin}${new URL(url).pathname}/download`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'file=0',
  });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

/** Starts a download and resolves once its first bytes arrived, paused; `finish` reads the rest. */
export function pausedDownload(origin: string, url: string): Promise<{ response: IncomingMessage; first: number }> {
  return new Promise((done, fail) => {
    const body = 'file=0';
    const outgoing = request(
      `${origin}${new URL(url).pathname}/download`,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': body.length } },
      (response) => {
        response.once('data', (chunk: Buffer) => {
          response.pause();
          done({ response, first: chunk.length });
        });
      },
    );
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}

/** Reads the rest of a paused download; whether Node saw the whole declared body. */
export function finishDownload(response: IncomingMessage, first: number): Promise<{ bytes: number; complete: boolean }> {
  return new Promise((done) => {
    let bytes = first;
    response.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    response.on('error', () => undefined);
    response.on('close', () => done({ bytes, complete: response.complete }));
    response.resume();
  });
}
