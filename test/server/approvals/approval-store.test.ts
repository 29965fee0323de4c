// The approvals table through the MetaStore: migration of an existing links database, one decision only,
// and what the purge selects.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteMetaStore } from '../../../src/server/storage/sqlite-meta-store.js';
import { MIGRATIONS } from '../../../src/server/storage/sqlite-schema.js';
import type { NewApproval } from '../../../src/server/storage/meta-store.js';

const DAY = 24 * 60 * 60 * 1000;
let directory: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'preflight-approval-store-'));
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

function approval(id: string, overrides: Partial<NewApproval> = {}): NewApproval {
  return {
    id,
    senderId: 'tenant:taro',
    sender: 'taro@example.co.jp',
    approvers: ['boss@example.co.jp'],
    fingerprint: 'abcdef0123456789',
    summary: { rules: ['external-recipient'], outsideDomains: ['partner.example'], attachments: [] },
    createdAt: 1000,
    expiresAt: 1000 + DAY,
    kekId: 'k1',
    wrappedKey: Buffer.alloc(60, 1),
    blobId: `blob-${id}`,
    noncePrefix: Buffer.alloc(7, 2),
    ...overrides,
  };
}

describe('approvals in the meta store', () => {
  it('migrates a links database made before approvals, keeping its packages', async () => {
    const path = join(directory, 'links.sqlite');
    const old = new Database(path);
    old.exec(MIGRATIONS[0] ?? '');
    old.pragma('user_version = 1');
    old
      .prepare(
        "INSERT INTO packages (id, owner_id, created_at, expires_at, max_downloads, otp_required, state) VALUES ('p1', 'o', 1, 2, 1, 0, 'complete')",
      )
      .run();
    old.close();
    const store = openSqliteMetaStore(path);
    try {
      await store.createApproval(approval('a1'));
      expect(await store.packageIds()).toEqual(new Set(['p1', 'blob-a1']));
      expect(await store.approvalById('a1')).toMatchObject({ status: 'pending', approvers: ['boss@example.co.jp'], decidedBy: null });
    } finally {
      await store.close();
    }
  });

  it('records one decision only, and none after expiry', async () => {
    const store = openSqliteMetaStore(join(directory, 'links.sqlite'));
    try {
      await store.createApproval(approval('a1'));
      await store.createApproval(approval('a2'));
      const decision = { status: 'approved', decidedBy: 'boss@example.co.jp', comment: null, token: 'x.y.z', decidedAt: 2000 } as const;
      expect(await store.decideApproval('a1', decision, 2000)).toBe(true);
      expect(await store.decideApproval('a1', { ...decision, status: 'rejected', decidedBy: 'mallory@example.co.jp' }, 2001)).toBe(false);
      expect(await store.approvalById('a1')).toMatchObject({ status: 'approved', decidedBy: 'boss@example.co.jp', token: 'x.y.z' });
      expect(await store.decideApproval('a2', decision, 1000 + DAY)).toBe(false);
      expect(await store.latestApproval('tenant:taro', 'abcdef0123456789')).not.toBeNull();
      expect(await store.latestApproval('tenant:jiro', 'abcdef0123456789')).toBeNull();

      // Retention of 7 days after the decision for a1; a2 was never decided and expires after a day.
      expect(await store.approvalsToShred(1000 + DAY - 1, 2000 - 7 * DAY)).toEqual([]);
      expect(await store.approvalsToShred(1000 + DAY, 1000 + DAY - 7 * DAY)).toEqual(['a2']);
      expect([...(await store.approvalsToShred(2000 + 7 * DAY, 2000))].sort()).toEqual(['a1', 'a2']);
      await store.shredApproval('a2', 1000 + DAY);
      expect(await store.approvalById('a2')).toMatchObject({ status: 'expired', wrappedKey: null, kekId: null, blobId: 'blob-a2' });
      expect(await store.approvalsToPurge()).toEqual([['a2', 'blob-a2']]);
      await store.markApprovalPurged('a2', 1000 + DAY);
      expect(await store.approvalsToPurge()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
