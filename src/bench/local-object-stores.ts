// Throwaway object stores for tests and the load bench, from npm: Azurite (Microsoft's Azure Storage emulator) and s3rver
// (an S3 API on the file system), each in a temporary directory on 127.0.0.1 at a port the test picks,
// stopped and removed by `stop`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

/** Azurite's well-known development account (https://learn.microsoft.com/azure/storage/common/storage-use-azurite). */
const AZURITE_ACCOUNT = 'devstoreaccount1';
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
/** s3rver accepts these credentials only. */
export const S3RVER_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' } as const;

export interface TestObjectStore {
  /** For Azurite, the connection string; for s3rver, the endpoint URL. */
  readonly address: string;
  stop(): Promise<void>;
}

// src/bench/ and build/bench/ are both two folders below the repository.
const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../node_modules/.bin');

async function listening(port: number, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`exited before listening: ${output()}`);
    const open = await new Promise<boolean>((done) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        done(true);
      });
      socket.on('error', () => done(false));
    });
    if (open) return;
    await new Promise((wait) => setTimeout(wait, 50));
  }
  throw new Error(`did not listen on ${port}: ${output()}`);
}

async function startProcess(
  name: string,
  args: (directory: string, port: number) => string[],
  address: (port: number) => string,
): Promise<TestObjectStore> {
  const directory = await mkdtemp(join(tmpdir(), `preflight-${name}-`));
  const port = await freePort();
  const child = spawn(join(BIN, name), args(directory, port), { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer): void => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(directory, { recursive: true, force: true });
    })();
    return stopped;
  };
  try {
    await listening(port, child, () => log);
  } catch (error) {
    await stop();
    throw new Error(`${name}: ${(error as Error).message}`);
  }
  return { address: address(port), stop };
}

export function startAzurite(): Promise<TestObjectStore> {
  return startProcess(
    'azurite-blob',
    (directory, port) => [
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--location',
      directory,
      '--silent',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--loose',
    ],
    (port) =>
      `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:${port}/${AZURITE_ACCOUNT};`,
  );
}

/** s3rver with `buckets` made at start. */
export function startS3rver(buckets: readonly string[]): Promise<TestObjectStore> {
  return startProcess(
    's3rver',
    (directory, port) => [
      '-d',
      directory,
      '-a',
      '127.0.0.1',
      '-p',
      String(port),
      '--silent',
      '--no-vhost-buckets',
      ...buckets.flatMap((bucket) => ['--configure-bucket', bucket]),
    ],
    (port) => `http://127.0.0.1:${port}`,
  );
}
