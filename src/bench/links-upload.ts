// Secure-link mode under load: the built server runs as a child process (as npm start runs it) and one
// 200 MB file is uploaded, encrypted to disk, then downloaded; the child's peak RSS comes from the kernel.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLinkPolicy } from './bench-policy.js';
import { BUILT_SERVER_TOKEN, processMemory, startBuiltServer, type ServerProcess } from './built-server.js';
import { formatMiB } from './statistics.js';

/** What the benchmark uploads; the smoke test in test/bench sends less. */
export const BENCH_UPLOAD_BYTES = 200_000_000;
const PIECE = 1024 * 1024;

export interface LinkFigures {
  readonly megabytes: number;
  readonly uploadMegabytesPerSecond: number;
  readonly downloadMegabytesPerSecond: number;
  /** VmHWM of the server process before and after (kB); null where /proc is not available. */
  readonly baselineRssKilobytes: number | null;
  readonly peakRssKilobytes: number | null;
}

function peakRss(pid: number | undefined): number | null {
  return processMemory(pid)?.peakKilobytes ?? null;
}

function startServer(root: string, dataDirectory: string, total: number): Promise<ServerProcess> {
  return startBuiltServer(root, dataDirectory, {
    PREFLIGHT_POLICY: writeLinkPolicy(root, dataDirectory, { maxTotalBytes: 2 * total }),
    PREFLIGHT_DIST: join(root, 'dist'),
    PREFLIGHT_ASSETS: join(root, 'assets'),
    PREFLIGHT_DATA: join(dataDirectory, 'data'),
    PREFLIGHT_KEKS: `bench:${randomBytes(32).toString('base64')}`,
  });
}

async function json(origin: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: { authorization: `Bearer ${BUILT_SERVER_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Streams `total` bytes in 1 MiB pieces, waiting for the socket to drain as a real client does. */
function put(origin: string, path: string, total: number): Promise<number> {
  const pattern = randomBytes(8 * PIECE);
  return new Promise((resolvePut, reject) => {
    const url = new URL(`${origin}${path}`);
    const upload = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'PUT',
        headers: {
          authorization: `Bearer ${BUILT_SERVER_TOKEN}`,
          'content-type': 'application/octet-stream',
          'content-length': String(total),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolvePut(response.statusCode ?? 0));
      },
    );
    upload.on('error', reject);
    let sent = 0;
    const write = (): void => {
      while (sent < total) {
        const size = Math.min(PIECE, total - sent);
        const offset = sent % (pattern.length - PIECE);
        sent += size;
        if (!upload.write(pattern.subarray(offset, offset + size))) {
          upload.once('drain', write);
          return;
        }
      }
      upload.end();
    };
    write();
  });
}

async function download(origin: string, url: string): Promise<number> {
  const response = await fetch(`${origin}${new URL(url).pathname}/download`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'file=0',
  });
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  return bytes;
}

export async function benchLinkUpload(root: string, total: number = BENCH_UPLOAD_BYTES): Promise<LinkFigures> {
  const directory = mkdtempSync(join(tmpdir(), 'preflight-bench-links-'));
  const server = await startServer(root, directory, total);
  const pid = server.child.pid;
  try {
    const origin = server.origin;
    const baselineRssKilobytes = peakRss(pid);
    const created = await json(origin, 'POST', '/api/links', {
      files: [{ name: 'bench.bin', size: total }],
      recipients: ['bench@partner.example'],
      requireCode: false,
    });
    const uploadPath = (created['files'] as { uploadPath: string }[])[0]?.uploadPath ?? '';
    const uploadStart = performance.now();
    const status = await put(origin, uploadPath, total);
    const uploadSeconds = (performance.now() - uploadStart) / 1000;
    if (status !== 200) throw new Error(`upload answered ${status}`);
    const peakRssKilobytes = peakRss(pid);
    const completed = await json(origin, 'POST', `/api/links/${String(created['id'])}/complete`);
    const url = (completed['links'] as { url: string }[])[0]?.url ?? '';
    const downloadStart = performance.now();
    const received = await download(origin, url);
    const downloadSeconds = (performance.now() - downloadStart) / 1000;
    if (received !== total) throw new Error(`download returned ${received} bytes`);
    return {
      megabytes: total / 1e6,
      uploadMegabytesPerSecond: total / 1e6 / uploadSeconds,
      downloadMegabytesPerSecond: total / 1e6 / downloadSeconds,
      baselineRssKilobytes,
      peakRssKilobytes,
    };
  } finally {
    await server.stop();
    rmSync(directory, { recursive: true, force: true });
  }
}

export async function printLinkUpload(root: string): Promise<void> {
  const figures = await benchLinkUpload(root);
  console.log('Secure-link mode, built server as a child process over loopback HTTP');
  console.log(`  upload ${figures.megabytes} MB (AES-256-GCM, 64 KiB chunks, fsync): ${figures.uploadMegabytesPerSecond.toFixed(0)} MB/s`);
  console.log(`  download ${figures.megabytes} MB (verify pass + decrypt):          ${figures.downloadMegabytesPerSecond.toFixed(0)} MB/s`);
  console.log(
    `  server peak RSS (VmHWM): ${formatMiB(figures.baselineRssKilobytes)} after start, ${formatMiB(figures.peakRssKilobytes)} after the upload`,
  );
}
