import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobKey } from '../../../src/server/storage/blob-store.js';
import type { NewPackage } from '../../../src/server/storage/meta-store.js';
import { openEmbeddedStorage, removeUnfinished, type Storage } from '../../../src/server/storage/open-storage.js';

let directory: string;
let storage: Storage;

beforeEach(async () => {
  directory = mkdtempSync(join(tmpdir(), 'preflight-storage-'));
  storage = await openEmbeddedStorage(directory);
});

afterEach(async () => {
  await storage.meta.close();
  rmSync(directory, { recursive: true, force: true });
});

function newPackage(id: string, createdAt = 1000): NewPackage {
  return {
    package: {
      id,
      ownerId: 'owner',
      ownerEmail: null,
      createdAt,
      expiresAt: createdAt + 10_000,
      maxDownloads: 2,
      otpRequired: false,
      kekId: 'k',
      wrappedKey: randomBytes(60),
    },
    files: [{ id: `${id}-f`, packageId: id, position: 0, name: 'a.txt', size: 3, contentType: 'text/plain', noncePrefix: randomBytes(7) }],
    recipients: [{ id: `${id}-r`, address: 'a@example.com' }],
  };
}

async function* bytes(...pieces: Buffer[]): AsyncGenerator<Buffer> {
  yield* pieces;
}

async function* failing(): AsyncGenerator<Buffer> {
  yield Buffer.from('partial');
  throw new Error('connection reset');
}

async function read(key: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of storage.blobs.read(key)) parts.push(part);
  return Buffer.concat(parts);
}

describe('file blob store', () => {
  it('writes a blob whole and reads it back', async () => {
    const key = blobKey('package1', 'file1');
    expect(await storage.blobs.write(key, bytes(Buffer.from('abc'), Buffer.from('def')))).toBe(6);
    expect(await read(key)).toEqual(Buffer.from('abcdef'));
  });

  it('leaves nothing, not even a temporary file, when the content stream fails', async () => {
    await expect(storage.blobs.write(blobKey('package1', 'file1'), failing())).rejects.toThrow('connection reset');
    expect(existsSync(join(directory, 'blobs', 'package1'))).toBe(false);
    expect(readdirSync(join(directory, 'blobs', '.incoming'))).toEqual([]);
  });

  it('refuses keys that could leave its directory', () => {
    expect(() => blobKey('..', 'x')).toThrow('invalid blob key');
    expect(() => storage.blobs.read('a/../../etc')).toThrow('invalid blob key');
  });
});

describe('SQLite meta store', () => {
  it('shows a package only once it is complete', async () => {
    await storage.meta.createPackage(newPackage('package1'));
    expect(await storage.meta.packageById('package1')).toBeNull();
    expect(await storage.meta.listPackages('owner', 10)).toEqual([]);
    expect((await storage.meta.uploadingPackage('package1'))?.files[0]?.uploaded).toBe(false);
    const hash = randomBytes(32);
    await storage.meta.completePackage('package1', new Map([['package1-r', hash]]));
    expect((await storage.meta.packageById('package1'))?.package.state).toBe('complete');
    expect((await storage.meta.recipientByTokenHash(hash))?.recipient.address).toBe('a@example.com');
  });

  it('counts downloads atomically up to the maximum', async () => {
    await storage.meta.createPackage(newPackage('package1'));
    const results = await Promise.all([1, 2, 3].map(() => storage.meta.reserveDownload('package1-r', 'package1-f', 2)));
    expect(results).toEqual([true, true, false]);
    expect(await storage.meta.downloadCounts('package1')).toEqual([{ recipientId: 'package1-r', fileId: 'package1-f', count: 2 }]);
  });

  it('locks a recipient at the fifth wrong code and drops its pending code', async () => {
    await storage.meta.createPackage(newPackage('package1'));
    await storage.meta.saveChallenge({ recipientId: 'package1-r', codeHash: randomBytes(32), sentAt: 1, expiresAt: 2 }, 0);
    const states = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await storage.meta.claimCodeAttempt('package1-r', 5)).toBe(true);
      states.push(await storage.meta.settleCodeAttempt('package1-r', false, 5, 100));
    }
    expect(states.map((state) => state.locked)).toEqual([false, false, false, false, true]);
    expect(await storage.meta.challenge('package1-r')).toBeNull();
  });

  it('keeps the audit trail append-only', async () => {
    await storage.meta.appendAudit({
      at: 1,
      packageId: 'p',
      recipientId: null,
      fileId: null,
      action: 'create',
      result: 'ok',
      actor: 'u',
      ip: null,
      userAgent: null,
      bytes: 0,
    });
    const database = new Database(join(directory, 'links.sqlite'));
    expect(() => database.prepare('DELETE FROM audit').run()).toThrow('append-only');
    expect(() => database.prepare("UPDATE audit SET result = 'x'").run()).toThrow('append-only');
    database.close();
  });
});

describe('removeUnfinished', () => {
  it('at start removes unfinished packages, orphaned blobs and temporary files, and keeps complete ones', async () => {
    await storage.meta.createPackage(newPackage('done1'));
    await storage.blobs.write(blobKey('done1', 'done1-f'), bytes(Buffer.from('abc')));
    await storage.meta.completePackage('done1', new Map([['done1-r', randomBytes(32)]]));
    await storage.meta.createPackage(newPackage('half1'));
    await storage.blobs.write(blobKey('half1', 'half1-f'), bytes(Buffer.from('abc')));
    mkdirSync(join(directory, 'blobs', 'orphan1'));
    writeFileSync(join(directory, 'blobs', 'orphan1', 'x'), 'x');
    writeFileSync(join(directory, 'blobs', '.incoming', 'tmp'), 'x');
    await storage.meta.close();

    storage = await openEmbeddedStorage(directory);
    expect(await storage.meta.packageIds()).toEqual(new Set(['done1']));
    expect(readdirSync(join(directory, 'blobs')).sort()).toEqual(['.incoming', 'done1']);
    expect(readdirSync(join(directory, 'blobs', '.incoming'))).toEqual([]);
    expect(await read(blobKey('done1', 'done1-f'))).toEqual(Buffer.from('abc'));
  });

  it('while running removes only uploads older than the cut-off', async () => {
    await storage.meta.createPackage(newPackage('old1', 1000));
    await storage.meta.createPackage(newPackage('new1', 5000));
    expect(await removeUnfinished(storage, 2000)).toBe(1);
    expect(await storage.meta.packageIds()).toEqual(new Set(['new1']));
  });
});

describe('completePackage', () => {
  it('completes once: a second call changes no token', async () => {
    await storage.meta.createPackage(newPackage('package1'));
    const first = randomBytes(32);
    expect(await storage.meta.completePackage('package1', new Map([['package1-r', first]]))).toBe(true);
    expect(await storage.meta.completePackage('package1', new Map([['package1-r', randomBytes(32)]]))).toBe(false);
    expect((await storage.meta.recipientByTokenHash(first))?.recipient.id).toBe('package1-r');
  });
});
