// The server's own keys (audit HMAC, approval signing) across a KEK rotation, in the data directory and
// in PostgreSQL: after a start with a new active key they are wrapped with it, so the old key can go
// (docs/deploy.md "Retiring an old key"), and what they hash or sign stays the same.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, jwtVerify, importJWK } from 'jose';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { loadApprovalSigningKey } from '../../../src/server/approvals/signing-key.js';
import { loadAuditKey } from '../../../src/server/audit/audit-key.js';
import { parseKeyring, type Keyring } from '../../../src/server/crypto/keyring.js';
import { fileKeyStore, postgresKeyStore, type KeyStore } from '../../../src/server/storage/key-store.js';
import { openPostgresMetaStore } from '../../../src/server/storage/postgres-meta-store.js';
import { useTestDatabases } from './test-databases.js';

const OLD = `2026-06:${Buffer.alloc(32, 1).toString('base64')}`;
const NEW = `2026-12:${Buffer.alloc(32, 2).toString('base64')}`;

function keyring(entries: readonly string[], active?: string): Keyring {
  const parsed = parseKeyring(entries, active);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.keyring;
}

function recordingLog() {
  return { info: vi.fn<(message: string) => void>(), warn: vi.fn<(message: string) => void>() };
}

const databases = useTestDatabases('rotation');

/** A key store and a way to read what it holds under a name. */
interface OpenedStore {
  readonly keys: KeyStore;
  stored(name: string): Promise<{ kekId: string }>;
}

async function files(): Promise<OpenedStore> {
  const directory = mkdtempSync(join(tmpdir(), 'preflight-key-rotation-'));
  onTestFinished(async () => rmSync(directory, { recursive: true, force: true }));
  const keys = fileKeyStore(directory);
  return {
    keys,
    stored: async (name) => JSON.parse((await keys.keyText(name, () => Promise.reject(new Error('missing')))).text) as { kekId: string },
  };
}

async function database(): Promise<OpenedStore> {
  const store = await openPostgresMetaStore(await databases.fresh());
  onTestFinished(() => store.close());
  const keys = postgresKeyStore(store.pool);
  return {
    keys,
    stored: async (name) => {
      const { rows } = await store.pool.query<{ text: string }>('SELECT text FROM server_keys WHERE name = $1', [name]);
      return JSON.parse(rows[0]?.text ?? '{}') as { kekId: string };
    },
  };
}

describe.each([
  ['data directory', files],
  ['PostgreSQL', database],
])('server keys across a KEK rotation (%s)', (_name, open) => {
  it('stores a key again only while it still holds what was read', async () => {
    const { keys } = await open();
    const { text } = await keys.keyText('note.json', async () => '{"a":1}\n');
    expect(await keys.replaceKeyText('note.json', '{"a":0}\n', '{"a":2}\n')).toBe(false);
    expect((await keys.keyText('note.json', async () => 'unused')).text).toBe(text);
    expect(await keys.replaceKeyText('note.json', text, '{"a":2}\n')).toBe(true);
    expect((await keys.keyText('note.json', async () => 'unused')).text).toBe('{"a":2}\n');
  });

  it('moves the audit key to the new active KEK, after which the old one can go', async () => {
    const { keys, stored } = await open();
    const first = await loadAuditKey(keys, keyring([OLD]), recordingLog());
    expect((await stored('audit-hmac.json')).kekId).toBe('2026-06');

    const log = recordingLog();
    expect(await loadAuditKey(keys, keyring([NEW, OLD]), log)).toEqual(first);
    expect((await stored('audit-hmac.json')).kekId).toBe('2026-12');
    expect(log.info).toHaveBeenCalledWith(expect.stringContaining('audit-hmac.json is now wrapped with key-encryption key 2026-12'));

    const quiet = recordingLog();
    expect(await loadAuditKey(keys, keyring([NEW]), quiet)).toEqual(first);
    expect(quiet.info).not.toHaveBeenCalled();
    expect(quiet.warn).not.toHaveBeenCalled();
  });

  it('moves the approval signing key to the new active KEK; tokens signed before still verify', async () => {
    const { keys, stored } = await open();
    const before = await loadApprovalSigningKey(keys, keyring([OLD]), recordingLog());
    const token = await new SignJWT({ fp: 'abc' }).setProtectedHeader({ alg: 'ES256' }).sign(before.privateKey);

    // The new key known but not yet active (the first step of a rotation): nothing moves.
    await loadApprovalSigningKey(keys, keyring([OLD, NEW]), recordingLog());
    expect((await stored('approval-signing.json')).kekId).toBe('2026-06');

    await loadApprovalSigningKey(keys, keyring([OLD, NEW], '2026-12'), recordingLog());
    expect((await stored('approval-signing.json')).kekId).toBe('2026-12');

    const after = await loadApprovalSigningKey(keys, keyring([NEW]), recordingLog());
    expect(after.publicJwk).toEqual(before.publicJwk);
    const verified = await jwtVerify(token, await importJWK(after.publicJwk, 'ES256'));
    expect(verified.payload['fp']).toBe('abc');
    const again = await new SignJWT({ fp: 'def' }).setProtectedHeader({ alg: 'ES256' }).sign(after.privateKey);
    expect((await jwtVerify(again, await importJWK(before.publicJwk, 'ES256'))).payload['fp']).toBe('def');
  });

  it('starts with the key it has when storing it again fails, and says so', async () => {
    const { keys, stored } = await open();
    const first = await loadAuditKey(keys, keyring([OLD]), recordingLog());
    const failing: KeyStore = { ...keys, replaceKeyText: () => Promise.reject(new Error('read-only file system')) };
    const log = recordingLog();
    expect(await loadAuditKey(failing, keyring([NEW, OLD]), log)).toEqual(first);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('stays wrapped with key-encryption key 2026-06'));
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('read-only file system'));
    expect((await stored('audit-hmac.json')).kekId).toBe('2026-06');
  });
});
