// The MetaStore contract, run against the embedded SQLite store and PostgreSQL (a throwaway server,
// src/bench/local-postgres.ts): what the routes rely on, including what several instances sharing
// one database rely on — counts and decisions that cannot be taken twice when asked at once.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { MetaStore, NewApproval, NewPackage } from '../../../src/server/storage/meta-store.js';
import { openPostgresMetaStore } from '../../../src/server/storage/postgres-meta-store.js';
import type { AuditEventRecord } from '../../../src/server/storage/records.js';
import { openSqliteMetaStore } from '../../../src/server/storage/sqlite-meta-store.js';
import { useTestDatabases } from './test-databases.js';

interface Opened {
  readonly store: MetaStore;
  /** Runs a statement on the store's database behind its back, as an intruder or a careless admin would. */
  tamper(sql: string): Promise<unknown>;
}

const databases = useTestDatabases('contract');

async function sqlite(): Promise<Opened> {
  const directory = mkdtempSync(join(tmpdir(), 'preflight-meta-contract-'));
  const path = join(directory, 'links.sqlite');
  const store = openSqliteMetaStore(path);
  onTestFinished(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });
  return {
    store,
    tamper: async (sql) => {
      const database = new Database(path);
      try {
        return database.prepare(sql).run();
      } finally {
        database.close();
      }
    },
  };
}

async function postgresql(): Promise<Opened> {
  const store = await openPostgresMetaStore(await databases.fresh());
  onTestFinished(() => store.close());
  return { store, tamper: (sql) => store.pool.query(sql) };
}

function newPackage(id: string, createdAt = 1000, recipients = 1): NewPackage {
  return {
    package: {
      id,
      ownerId: 'owner',
      ownerEmail: 'owner@example.co.jp',
      createdAt,
      expiresAt: createdAt + 10_000,
      maxDownloads: 2,
      otpRequired: true,
      kekId: 'k1',
      wrappedKey: randomBytes(60),
    },
    files: [
      {
        id: `${id}-f1`,
        packageId: id,
        position: 0,
        name: '見積書.pdf',
        size: 3_000_000_000,
        contentType: 'application/pdf',
        noncePrefix: randomBytes(7),
      },
      { id: `${id}-f2`, packageId: id, position: 1, name: 'b.txt', size: 3, contentType: 'text/plain', noncePrefix: randomBytes(7) },
    ],
    recipients: Array.from({ length: recipients }, (_, index) => ({ id: `${id}-r${index}`, address: `r${index}@partner.example` })),
  };
}

function approval(id: string, overrides: Partial<NewApproval> = {}): NewApproval {
  return {
    id,
    senderId: 'tid:oid',
    sender: 'taro@example.co.jp',
    approvers: ['boss@example.co.jp'],
    fingerprint: 'fp1',
    summary: { rules: ['keyword'], outsideDomains: ['partner.example'], attachments: ['a.pdf'] },
    createdAt: 1000,
    expiresAt: 5000,
    kekId: 'k1',
    wrappedKey: randomBytes(40),
    blobId: `${id}-blob`,
    noncePrefix: randomBytes(7),
    ...overrides,
  };
}

function event(at: number, overrides: Partial<AuditEventRecord> = {}): AuditEventRecord {
  return {
    at,
    receivedAt: at + 5,
    userId: 'tid:oid',
    user: 'taro@example.co.jp',
    verified: true,
    kind: 'send',
    platform: 'OfficeOnline',
    mailbox: '1.15',
    policy: '3',
    decision: 'allow',
    rules: {},
    domains: [],
    durationMs: 30,
    confirmSeconds: null,
    ...overrides,
  };
}

describe.each([
  ['SQLite', sqlite],
  ['PostgreSQL', postgresql],
])('MetaStore contract (%s)', (_name, open) => {
  it('keeps a package invisible until it is complete, completes it once, and finds it by token', async () => {
    const { store } = await open();
    await store.createPackage(newPackage('p1', 1000, 2));
    expect(await store.packageById('p1')).toBeNull();
    expect(await store.listPackages(null, 10)).toEqual([]);
    const uploading = await store.uploadingPackage('p1');
    expect(uploading?.files.map((file) => [file.name, file.size, file.uploaded])).toEqual([
      ['見積書.pdf', 3_000_000_000, false],
      ['b.txt', 3, false],
    ]);
    await store.markFileUploaded('p1', 'p1-f1');
    expect((await store.uploadingPackage('p1'))?.files[0]?.uploaded).toBe(true);

    const first = randomBytes(32);
    const completions = await Promise.all([
      store.completePackage('p1', new Map([['p1-r0', first]])),
      store.completePackage('p1', new Map([['p1-r0', randomBytes(32)]])),
    ]);
    expect(completions.filter(Boolean)).toHaveLength(1);
    expect(await store.uploadingPackage('p1')).toBeNull();
    const complete = await store.packageById('p1');
    expect(complete?.package).toMatchObject({ state: 'complete', otpRequired: true, ownerEmail: 'owner@example.co.jp', revokedAt: null });
    expect(complete?.recipients.map((recipient) => recipient.address)).toEqual(['r0@partner.example', 'r1@partner.example']);
    expect(complete?.package.wrappedKey?.length).toBe(60);
    const byToken = await store.recipientByTokenHash(completions[0] ? first : randomBytes(32));
    if (completions[0]) expect(byToken?.recipient.id).toBe('p1-r0');
    expect(await store.recipientByTokenHash(randomBytes(32))).toBeNull();
  });

  it('lists complete packages newest first, for one owner or everyone', async () => {
    const { store } = await open();
    for (const [id, at, owner] of [
      ['a1', 1000, 'owner'],
      ['b1', 3000, 'owner'],
      ['c1', 2000, 'other'],
    ] as const) {
      const created = newPackage(id, at);
      await store.createPackage({ ...created, package: { ...created.package, ownerId: owner } });
      await store.completePackage(id, new Map());
    }
    expect((await store.listPackages('owner', 10)).map((view) => view.package.id)).toEqual(['b1', 'a1']);
    expect((await store.listPackages(null, 2)).map((view) => view.package.id)).toEqual(['b1', 'c1']);
  });

  it('counts downloads up to the maximum when many are asked at once', async () => {
    const { store } = await open();
    await store.createPackage(newPackage('p1'));
    const results = await Promise.all(Array.from({ length: 12 }, () => store.reserveDownload('p1-r0', 'p1-f1', 3)));
    expect(results.filter(Boolean)).toHaveLength(3);
    expect(await store.reserveDownload('p1-r0', 'p1-f2', 0)).toBe(false);
    expect(await store.downloadCounts('p1')).toEqual([{ recipientId: 'p1-r0', fileId: 'p1-f1', count: 3 }]);
  });

  it('revokes once, shreds the key and pending codes, then purges', async () => {
    const { store } = await open();
    await store.createPackage(newPackage('p1'));
    await store.completePackage('p1', new Map());
    await store.createPackage(newPackage('p2', 50_000));
    await store.completePackage('p2', new Map());
    await store.saveChallenge({ recipientId: 'p1-r0', codeHash: randomBytes(32), sentAt: 1, expiresAt: 2 }, 0);
    expect(await store.packagesToShred(2000)).toEqual([]);
    await store.revoke('p1', 'owner', 1500);
    await store.revoke('p1', 'someone-else', 1600);
    expect((await store.packageById('p1'))?.package).toMatchObject({ revokedAt: 1500, revokedBy: 'owner' });
    expect(await store.packagesToShred(2000)).toEqual(['p1']);
    await store.shredKey('p1', 2000);
    expect((await store.packageById('p1'))?.package).toMatchObject({ wrappedKey: null, kekId: null, shreddedAt: 2000 });
    expect(await store.challenge('p1-r0')).toBeNull();
    expect(await store.packagesToShred(2000)).toEqual([]);
    expect(await store.packagesToPurge()).toEqual(['p1']);
    await store.markPurged('p1', 2500);
    expect(await store.packagesToPurge()).toEqual([]);
    // Past expiry, without revocation.
    expect(await store.packagesToShred(60_000)).toEqual(['p2']);
  });

  it('deletes only incomplete packages, and knows every package and approval blob', async () => {
    const { store } = await open();
    await store.createPackage(newPackage('old1', 1000));
    await store.createPackage(newPackage('new1', 5000));
    await store.createPackage(newPackage('done1', 1000));
    await store.completePackage('done1', new Map());
    await store.createApproval(approval('ap1'));
    expect([...(await store.incompletePackages(2000))]).toEqual(['old1']);
    expect([...(await store.incompletePackages(Number.POSITIVE_INFINITY))].sort()).toEqual(['new1', 'old1']);
    expect(await store.deleteIncomplete('old1')).toBe(true);
    expect(await store.deleteIncomplete('done1')).toBe(false);
    expect(await store.deleteIncomplete('old1')).toBe(false);
    expect(await store.packageIds()).toEqual(new Set(['new1', 'done1', 'ap1-blob']));
  });

  it('keeps one code per recipient and never lets more codes be compared than there are attempts', async () => {
    const { store } = await open();
    await store.createPackage(newPackage('p1'));
    const token = randomBytes(32);
    await store.completePackage('p1', new Map([['p1-r0', token]]));
    const hash = randomBytes(32);
    expect(await store.saveChallenge({ recipientId: 'p1-r0', codeHash: randomBytes(32), sentAt: 1, expiresAt: 2 }, 0)).toBe(true);
    // A code sent after the resend time stands; once it is old enough, the next one replaces it.
    expect(await store.saveChallenge({ recipientId: 'p1-r0', codeHash: randomBytes(32), sentAt: 3, expiresAt: 4 }, 0)).toBe(false);
    expect(await store.saveChallenge({ recipientId: 'p1-r0', codeHash: hash, sentAt: 3, expiresAt: 4 }, 1)).toBe(true);
    expect(await store.challenge('p1-r0')).toEqual({ recipientId: 'p1-r0', codeHash: hash, sentAt: 3, expiresAt: 4 });
    const claims = await Promise.all(Array.from({ length: 8 }, () => store.claimCodeAttempt('p1-r0', 5)));
    expect(claims.filter(Boolean)).toHaveLength(5);
    // A right code gives its attempt back, and one more can be claimed; a wrong one before the last keeps the link open.
    expect(await store.settleCodeAttempt('p1-r0', true, 5, 100)).toEqual({ locked: false });
    expect(await store.settleCodeAttempt('p1-r0', false, 5, 100)).toEqual({ locked: false });
    expect(await store.claimCodeAttempt('p1-r0', 5)).toBe(true);
    expect(await store.claimCodeAttempt('p1-r0', 5)).toBe(false);
    expect(await store.challenge('p1-r0')).not.toBeNull();
    expect(await store.settleCodeAttempt('p1-r0', false, 5, 100)).toEqual({ locked: true });
    expect((await store.recipientByTokenHash(token))?.recipient).toMatchObject({ failedCodes: 5, lockedAt: 100 });
    expect(await store.challenge('p1-r0')).toBeNull();
    await store.settleCodeAttempt('p1-r0', true, 5, 100);
    expect(await store.claimCodeAttempt('p1-r0', 5)).toBe(false);
    await store.saveChallenge({ recipientId: 'p1-r0', codeHash: hash, sentAt: 5, expiresAt: 6 }, 5);
    await store.deleteChallenge('p1-r0', randomBytes(32));
    expect((await store.challenge('p1-r0'))?.codeHash).toEqual(hash);
    await store.deleteChallenge('p1-r0', hash);
    expect(await store.challenge('p1-r0')).toBeNull();
  });

  it('keeps the link audit in order and append-only', async () => {
    const { store, tamper } = await open();
    const entry = { packageId: 'p1', recipientId: null, fileId: null, actor: 'u', ip: '127.0.0.1', userAgent: 'UA', bytes: 0 } as const;
    await store.appendAudit({ ...entry, at: 2, action: 'create', result: 'ok' });
    await store.appendAudit({ ...entry, at: 1, action: 'download', result: 'limit', bytes: 12_000_000_000 });
    expect((await store.audit('p1')).map((row) => [row.action, row.result, row.bytes])).toEqual([
      ['create', 'ok', 0],
      ['download', 'limit', 12_000_000_000],
    ]);
    await expect(tamper("UPDATE audit SET result = 'ok'")).rejects.toThrow(/append-only/);
    await expect(tamper('DELETE FROM audit')).rejects.toThrow(/append-only/);
  });

  it('decides an approval once, even when two decisions arrive together, and grants it until expiry', async () => {
    const { store } = await open();
    await store.createApproval(approval('ap1'));
    await store.createApproval(approval('ap2', { createdAt: 2000 }));
    expect((await store.latestApproval('tid:oid', 'fp1'))?.id).toBe('ap2');
    expect(await store.approvalById('ap1')).toMatchObject({ status: 'pending', approvers: ['boss@example.co.jp'], decidedBy: null });
    const decided = await Promise.all([
      store.decideApproval(
        'ap1',
        { status: 'approved', decidedBy: 'boss@example.co.jp', comment: null, token: 'jws', decidedAt: 1500 },
        1500,
      ),
      store.decideApproval(
        'ap1',
        { status: 'rejected', decidedBy: 'other@example.co.jp', comment: 'no', token: null, decidedAt: 1500 },
        1500,
      ),
    ]);
    expect(decided.filter(Boolean)).toHaveLength(1);
    const after = await store.approvalById('ap1');
    expect(
      await store.decideApproval('ap1', { status: 'rejected', decidedBy: 'x', comment: null, token: null, decidedAt: 1600 }, 1600),
    ).toBe(false);
    expect((await store.approvalById('ap1'))?.status).toBe(after?.status);
    if (after?.status === 'approved') {
      expect((await store.grantedApproval('taro@example.co.jp', 'fp1', 4000))?.id).toBe('ap1');
      expect(await store.grantedApproval('taro@example.co.jp', 'fp1', 5000)).toBeNull();
    }
    // A request past expiry cannot be decided.
    expect(
      await store.decideApproval('ap2', { status: 'approved', decidedBy: 'boss', comment: null, token: 't', decidedAt: 6000 }, 6000),
    ).toBe(false);
  });

  it('shreds decided approvals after retention and pending ones past expiry, then purges their blobs', async () => {
    const { store } = await open();
    await store.createApproval(approval('ap1'));
    await store.createApproval(approval('ap2'));
    await store.decideApproval('ap1', { status: 'rejected', decidedBy: 'boss', comment: 'no', token: null, decidedAt: 1200 }, 1200);
    expect(await store.approvalsToShred(3000, 1000)).toEqual([]);
    expect((await store.approvalsToShred(6000, 1300)).slice().sort()).toEqual(['ap1', 'ap2']);
    await store.shredApproval('ap2', 6000);
    expect(await store.approvalById('ap2')).toMatchObject({ status: 'expired', wrappedKey: null, shreddedAt: 6000, blobId: 'ap2-blob' });
    expect(await store.approvalsToPurge()).toEqual([['ap2', 'ap2-blob']]);
    await store.markApprovalPurged('ap2', 6100);
    expect(await store.approvalsToPurge()).toEqual([]);
  });

  it('filters the audit events newest first and purges those past retention', async () => {
    const { store } = await open();
    await store.appendAuditEvents([
      event(1000, { decision: 'block', rules: { keyword: 1, 'external-recipient': 2 } }),
      event(2000, {
        user: 'hanako@example.co.jp',
        verified: false,
        userId: null,
        kind: 'confirm',
        decision: 'confirm',
        domains: ['partner.example'],
        confirmSeconds: 12.5,
      }),
      event(3000, { rules: { 'external-recipient': 1 } }),
    ]);
    await store.appendAuditEvents([]);
    const all = await store.auditEvents({ limit: 10 });
    expect(all.map((row) => row.at)).toEqual([3000, 2000, 1000]);
    expect(all[1]).toEqual(
      event(2000, {
        user: 'hanako@example.co.jp',
        verified: false,
        userId: null,
        kind: 'confirm',
        decision: 'confirm',
        domains: ['partner.example'],
        confirmSeconds: 12.5,
      }),
    );
    expect((await store.auditEvents({ rule: 'external-recipient', limit: 10 })).map((row) => row.at)).toEqual([3000, 1000]);
    expect((await store.auditEvents({ user: 'hanako@example.co.jp', limit: 10 })).map((row) => row.at)).toEqual([2000]);
    expect((await store.auditEvents({ decision: 'block', kind: 'send', limit: 10 })).map((row) => row.at)).toEqual([1000]);
    expect((await store.auditEvents({ from: 1500, to: 3000, limit: 10 })).map((row) => row.at)).toEqual([2000]);
    expect((await store.auditEvents({ limit: 1 })).map((row) => row.at)).toEqual([3000]);
    expect(await store.purgeAuditEvents(2500)).toBe(2);
    expect((await store.auditEvents({ limit: 10 })).map((row) => row.at)).toEqual([3000]);
  });

  it('adds one policy version when two saves race on the same active version', async () => {
    const { store } = await open();
    const created = (reason: string) => ({
      documentJson: '{}',
      sha256: 's',
      createdAt: 1,
      createdBy: null,
      reason,
      source: 'file' as const,
      restoredFrom: null,
    });
    await store.appendPolicyVersion(created('seed'), null);
    const raced = await Promise.all([store.appendPolicyVersion(created('a'), 1), store.appendPolicyVersion(created('b'), 1)]);
    expect(raced.filter((version) => version !== null)).toHaveLength(1);
    expect((await store.activePolicyVersion())?.version).toBe(2);
  });
});

describe('PostgreSQL store', () => {
  it('migrates once when several instances open the same database at the same moment', async () => {
    const url = await databases.fresh();
    const stores = await Promise.all([openPostgresMetaStore(url), openPostgresMetaStore(url), openPostgresMetaStore(url)]);
    try {
      const { rows } = await stores[0]!.pool.query('SELECT count(*)::int AS steps FROM preflight_migrations');
      expect(rows[0]).toEqual({ steps: 1 });
      await stores[1]!.createPackage(newPackage('p1'));
      expect((await stores[2]!.uploadingPackage('p1'))?.package.id).toBe('p1');
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('says what is wrong when the database cannot be reached', async () => {
    await expect(openPostgresMetaStore('postgres://preflight@127.0.0.1:1/none')).rejects.toThrow(/ECONNREFUSED/);
  });
});
