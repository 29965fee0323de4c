import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryPolicyVersions } from '../../../src/server/storage/memory-policy-versions.js';
import { hasStoredPolicy, openEmbeddedStorage } from '../../../src/server/storage/open-storage.js';
import type { NewPolicyVersion, PolicyVersionStore } from '../../../src/server/storage/policy-version-store.js';
import { MIGRATIONS } from '../../../src/server/storage/sqlite-schema.js';

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function sqlite(): Promise<PolicyVersionStore> {
  const directory = mkdtempSync(join(tmpdir(), 'preflight-policy-versions-'));
  const storage = await openEmbeddedStorage(directory);
  cleanups.push(async () => {
    await storage.meta.close();
    rmSync(directory, { recursive: true, force: true });
  });
  return storage.meta;
}

function created(documentJson: string, overrides: Partial<NewPolicyVersion> = {}): NewPolicyVersion {
  return {
    documentJson,
    sha256: `sha-of-${documentJson}`,
    createdAt: 1000,
    createdBy: null,
    reason: 'test',
    source: 'file',
    restoredFrom: null,
    ...overrides,
  };
}

describe.each([
  ['SQLite', sqlite],
  ['memory', async () => memoryPolicyVersions()],
])('policy versions (%s)', (_name, open) => {
  it('numbers versions from 1, the newest being active, and refuses an append over a stale active version', async () => {
    const store = await open();
    expect(await store.activePolicyVersion()).toBeNull();
    expect(await store.appendPolicyVersion(created('{"a":1}'), null)).toMatchObject({ version: 1 });
    const by = { id: 'tid:oid', address: 'admin@example.co.jp' };
    expect(await store.appendPolicyVersion(created('{"a":2}', { source: 'admin', createdBy: by }), 1)).toMatchObject({
      version: 2,
      createdBy: by,
    });
    expect(await store.appendPolicyVersion(created('{"a":3}'), 1)).toBeNull();
    expect(await store.appendPolicyVersion(created('{"a":3}'), null)).toBeNull();
    expect(await store.activePolicyVersion()).toEqual({ ...created('{"a":2}', { source: 'admin', createdBy: by }), version: 2 });
    expect(await store.policyVersion(1)).toMatchObject({ documentJson: '{"a":1}', createdBy: null });
    expect(await store.policyVersion(3)).toBeNull();
  });

  it('pages newest first without documents', async () => {
    const store = await open();
    for (let version = 1; version <= 5; version += 1)
      await store.appendPolicyVersion(created(`{"n":${version}}`), version === 1 ? null : version - 1);
    expect((await store.policyVersions(null, 2)).map((entry) => entry.version)).toEqual([5, 4]);
    expect((await store.policyVersions(4, 10)).map((entry) => entry.version)).toEqual([3, 2, 1]);
    expect(await store.policyVersions(null, 1)).toEqual([
      { version: 5, sha256: 'sha-of-{"n":5}', createdAt: 1000, createdBy: null, reason: 'test', source: 'file', restoredFrom: null },
    ]);
  });

  it('remembers the file content last taken', async () => {
    const store = await open();
    expect(await store.takenPolicyFile()).toBeNull();
    await store.rememberPolicyFile('aaa', 1);
    await store.rememberPolicyFile('bbb', 2);
    expect(await store.takenPolicyFile()).toBe('bbb');
  });
});

describe('policy versions in SQLite', () => {
  it('are their own migration, after the approvals index, and append-only', async () => {
    const last = MIGRATIONS.at(-1) ?? '';
    expect(last).toContain('CREATE TABLE policy_versions');
    expect(MIGRATIONS.findIndex((statement) => statement.includes('approvals_granted'))).toBeLessThan(MIGRATIONS.length - 1);
    const directory = mkdtempSync(join(tmpdir(), 'preflight-policy-versions-'));
    try {
      expect(await hasStoredPolicy(directory)).toBe(false);
      const storage = await openEmbeddedStorage(directory);
      await storage.meta.appendPolicyVersion(created('{}', { source: 'rollback', restoredFrom: 1 }), null);
      await storage.meta.close();
      expect(await hasStoredPolicy(directory)).toBe(true);
      const database = new Database(join(directory, 'links.sqlite'));
      expect(() => database.prepare("UPDATE policy_versions SET reason = 'rewritten'").run()).toThrow(/append-only/);
      expect(() => database.prepare('DELETE FROM policy_versions').run()).toThrow(/append-only/);
      expect(() => database.prepare("INSERT INTO policy_versions VALUES (2, '{}', 's', 1, NULL, NULL, '', 'admin', NULL)").run()).toThrow(
        /CHECK/,
      );
      database.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
