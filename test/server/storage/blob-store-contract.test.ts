// The BlobStore contract, run against the file store, Azure Blob Storage (Azurite) and S3 (s3rver):
// what links and approvals rely on — a blob is whole or absent, a missing one reads as not found, a
// package's blobs go together, and stores with different prefixes in one container stay apart.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBlobLocation, type BlobLocation } from '../../../src/server/storage/blob-location.js';
import { blobKey, isBlobNotFound, type BlobStore } from '../../../src/server/storage/blob-store.js';
import { openBlobStore } from '../../../src/server/storage/open-blob-store.js';
import { S3RVER_CREDENTIALS, startAzurite, startS3rver, type TestObjectStore } from '../../../src/bench/local-object-stores.js';

let azurite: TestObjectStore;
let s3rver: TestObjectStore;
let directory: string;
const savedEnvironment = { ...process.env };

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'preflight-blob-contract-'));
  Object.assign(process.env, S3RVER_CREDENTIALS);
  [azurite, s3rver] = await Promise.all([startAzurite(), startS3rver(['preflight-test'])]);
}, 60_000);

afterAll(async () => {
  process.env = savedEnvironment;
  await Promise.all([azurite?.stop(), s3rver?.stop()]);
  rmSync(directory, { recursive: true, force: true });
});

let stores = 0;

function location(kind: string, prefix: string): BlobLocation {
  stores += 1;
  const text =
    kind === 'file'
      ? `file://${join(directory, prefix === '' ? `store${stores}` : prefix)}`
      : kind === 'azure'
        ? `azure://preflight-test/${prefix}`
        : `s3://preflight-test/${prefix}?region=us-east-1&endpoint=${encodeURIComponent(s3rver.address)}&forcePathStyle=true`;
  const parsed = parseBlobLocation(text, directory, { connectionString: azurite.address });
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.location;
}

async function* pieces(...parts: Buffer[]): AsyncGenerator<Buffer> {
  yield* parts;
}

async function* failingAfter(part: Buffer): AsyncGenerator<Buffer> {
  yield part;
  throw new Error('connection reset');
}

async function readAll(store: BlobStore, key: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of store.read(key)) parts.push(part);
  return Buffer.concat(parts);
}

describe.each(['file', 'azure', 's3'])('%s blob store', (kind) => {
  let run = 0;
  const open = async (prefix?: string): Promise<BlobStore> => {
    run += 1;
    return openBlobStore(location(kind, prefix ?? `run${run}`));
  };

  it('writes a blob made of many pieces and reads the same bytes back', async () => {
    const store = await open();
    const small = blobKey('package1', 'small');
    expect(await store.write(small, pieces(Buffer.from('abc'), Buffer.from('def')))).toBe(6);
    expect(await readAll(store, small)).toEqual(Buffer.from('abcdef'));
    // Larger than an S3 part and several Azure blocks, in 64 KiB chunks as the sealer writes them.
    const chunks = Array.from({ length: 300 }, () => randomBytes(64 * 1024));
    const large = blobKey('package1', 'large');
    expect(await store.write(large, pieces(...chunks))).toBe(300 * 64 * 1024);
    expect((await readAll(store, large)).equals(Buffer.concat(chunks))).toBe(true);
  });

  it('keeps an empty blob', async () => {
    const store = await open();
    const key = blobKey('package1', 'empty');
    expect(await store.write(key, pieces())).toBe(0);
    expect((await readAll(store, key)).length).toBe(0);
  });

  it('shows nothing of a write whose content fails, small or past the first part', async () => {
    const store = await open();
    await expect(store.write(blobKey('broken1', 'file'), failingAfter(Buffer.from('partial')))).rejects.toThrow('connection reset');
    await expect(store.write(blobKey('broken2', 'file'), failingAfter(randomBytes(9 * 1024 * 1024)))).rejects.toThrow('connection reset');
    for (const id of ['broken1', 'broken2']) {
      const failure = await readAll(store, blobKey(id, 'file')).then(
        () => null,
        (error: unknown) => error,
      );
      expect(isBlobNotFound(failure)).toBe(true);
    }
    expect(await store.packageIds()).toEqual([]);
  });

  it('reads a missing blob as not found, not as an empty one', async () => {
    const store = await open();
    const failure = await readAll(store, blobKey('nothing', 'here')).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isBlobNotFound(failure)).toBe(true);
  });

  it('deletes every blob of one package and no other, and deleting nothing is no error', async () => {
    const store = await open();
    for (const [packageId, fileId] of [
      ['keep', 'a'],
      ['drop', 'a'],
      ['drop', 'b'],
    ] as const) {
      await store.write(blobKey(packageId, fileId), pieces(Buffer.from(`${packageId}${fileId}`)));
    }
    expect([...(await store.packageIds())].sort()).toEqual(['drop', 'keep']);
    await store.deletePackage('drop');
    await store.deletePackage('never-was');
    expect(await store.packageIds()).toEqual(['keep']);
    expect((await readAll(store, blobKey('keep', 'a'))).toString()).toBe('keepa');
    expect(
      isBlobNotFound(
        await readAll(store, blobKey('drop', 'b')).then(
          () => null,
          (error: unknown) => error,
        ),
      ),
    ).toBe(true);
  });

  it('keeps stores with different prefixes apart', async () => {
    const left = await open('tenant-left');
    const right = await open('tenant-right');
    await left.write(blobKey('shared', 'file'), pieces(Buffer.from('left')));
    expect(await right.packageIds()).toEqual([]);
    expect(
      isBlobNotFound(
        await readAll(right, blobKey('shared', 'file')).then(
          () => null,
          (error: unknown) => error,
        ),
      ),
    ).toBe(true);
    await right.deletePackage('shared');
    expect((await readAll(left, blobKey('shared', 'file'))).toString()).toBe('left');
  });

  it('refuses keys that are not package/file ids', async () => {
    const store = await open();
    await expect(store.write('../escape/x', pieces(Buffer.from('x')))).rejects.toThrow('invalid blob key');
    await expect(store.deletePackage('a/b')).rejects.toThrow('invalid blob key');
    await expect(readAll(store, 'a/b/c')).rejects.toThrow('invalid blob key');
  });
});

describe('opening a blob store that cannot be used', () => {
  it('names the place when the S3 bucket does not exist', async () => {
    const parsed = parseBlobLocation(
      `s3://no-such-bucket?region=us-east-1&endpoint=${encodeURIComponent(s3rver.address)}&forcePathStyle=true`,
      directory,
      {},
    );
    if (!parsed.ok) throw new Error(parsed.problem);
    await expect(openBlobStore(parsed.location)).rejects.toThrow(
      /cannot open the blob store s3:\/\/no-such-bucket\/.*PREFLIGHT_BLOB_URL.*cannot be reached/,
    );
  });

  it('names the place when an Azure SAS URL points to a container that does not exist', async () => {
    const endpoint = /BlobEndpoint=([^;]+)/.exec(azurite.address)?.[1] ?? '';
    const parsed = parseBlobLocation(`${endpoint}/missing-container?sv=2024-01-01&sig=x`, directory, {});
    if (!parsed.ok) throw new Error(parsed.problem);
    await expect(openBlobStore(parsed.location)).rejects.toThrow(
      /cannot open the blob store http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\/missing-container/,
    );
  });
});
