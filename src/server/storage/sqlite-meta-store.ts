import Database from 'better-sqlite3';
import type { MetaStore } from './meta-store.js';
import type { AuditEventRecord, PackageView } from './records.js';
import { rowReader, StoredRowError, type Row } from './row-reader.js';
import { allRows, oneRow } from './sqlite-rows.js';
import {
  APPROVAL_COLUMNS,
  AUDIT_COLUMNS,
  AUDIT_EVENT_COLUMNS,
  PACKAGE_COLUMNS,
  approvalValues,
  auditEventValues,
  auditValues,
  packageValues,
  placeholders,
} from './stored-values.js';
import { approvalRecord, auditEntry, auditEventRecord, codeChallenge, fileRecord, packageRecord, recipientRecord } from './stored-rows.js';
import { sqlitePolicyVersions } from './sqlite-policy-versions.js';
import { MIGRATIONS } from './sqlite-schema.js';

function migrate(database: Database.Database): void {
  const version = database.pragma('user_version', { simple: true });
  if (typeof version !== 'number') throw new StoredRowError('pragma', 'user_version', 'a number', version);
  for (let step = version; step < MIGRATIONS.length; step += 1) {
    database.transaction(() => {
      database.exec(MIGRATIONS[step] ?? '');
      database.pragma(`user_version = ${step + 1}`);
    })();
  }
}

/** The embedded MetaStore: one SQLite file in WAL mode, every commit synced to disk. */
export function openSqliteMetaStore(path: string): MetaStore {
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  migrate(database);

  // Each statement is prepared once, on first use.
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string): Database.Statement => {
    const found = prepared.get(sql);
    if (found !== undefined) return found;
    const made = database.prepare(sql);
    prepared.set(sql, made);
    return made;
  };
  const view = (row: Row | undefined): PackageView | null => {
    if (row === undefined) return null;
    const record = packageRecord(row);
    return {
      package: record,
      files: allRows(statement('SELECT * FROM files WHERE package_id = ? ORDER BY position').all(record.id)).map(fileRecord),
      recipients: allRows(statement('SELECT * FROM recipients WHERE package_id = ? ORDER BY rowid').all(record.id)).map(recipientRecord),
    };
  };

  const appendAuditEvents = database.transaction((events: readonly AuditEventRecord[]) => {
    const insert = statement(`INSERT INTO audit_events (${AUDIT_EVENT_COLUMNS}) VALUES (${placeholders(AUDIT_EVENT_COLUMNS, 'question')})`);
    for (const event of events) insert.run(...auditEventValues(event, event.verified ? 1 : 0));
  });
  const createPackage = database.transaction((created: Parameters<MetaStore['createPackage']>[0]) => {
    const record = created.package;
    statement(`INSERT INTO packages (${PACKAGE_COLUMNS}, state) VALUES (${placeholders(PACKAGE_COLUMNS, 'question')}, 'uploading')`).run(
      ...packageValues(record, record.otpRequired ? 1 : 0),
    );
    for (const file of created.files) {
      statement('INSERT INTO files (id, package_id, position, name, size, content_type, nonce_prefix) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        file.id,
        record.id,
        file.position,
        file.name,
        file.size,
        file.contentType,
        file.noncePrefix,
      );
    }
    for (const recipient of created.recipients) {
      statement('INSERT INTO recipients (id, package_id, address) VALUES (?, ?, ?)').run(recipient.id, record.id, recipient.address);
    }
  });

  const completePackage = database.transaction((packageId: string, tokenHashes: ReadonlyMap<string, Buffer>): boolean => {
    const row = oneRow(statement('SELECT state FROM packages WHERE id = ?').get(packageId));
    if (row?.['state'] !== 'uploading') return false;
    for (const [recipientId, hash] of tokenHashes) {
      statement('UPDATE recipients SET token_hash = ? WHERE id = ? AND package_id = ?').run(hash, recipientId, packageId);
    }
    statement("UPDATE packages SET state = 'complete' WHERE id = ? AND state = 'uploading'").run(packageId);
    return true;
  });

  const reserveDownload = database.transaction((recipientId: string, fileId: string, max: number): boolean => {
    const row = oneRow(statement('SELECT count FROM downloads WHERE recipient_id = ? AND file_id = ?').get(recipientId, fileId));
    const count = row === undefined ? 0 : rowReader('downloads', row).number('count');
    if (count >= max) return false;
    statement(
      'INSERT INTO downloads (recipient_id, file_id, count) VALUES (?, ?, 1) ON CONFLICT (recipient_id, file_id) DO UPDATE SET count = count + 1',
    ).run(recipientId, fileId);
    return true;
  });

  const claimCodeAttempt = (recipientId: string, lockAfter: number): boolean =>
    statement('UPDATE recipients SET failed_codes = failed_codes + 1 WHERE id = ? AND locked_at IS NULL AND failed_codes < ?').run(
      recipientId,
      lockAfter,
    ).changes === 1;

  const settleCodeAttempt = database.transaction((recipientId: string, right: boolean, lockAfter: number, at: number) => {
    if (right) {
      statement('UPDATE recipients SET failed_codes = MAX(failed_codes - 1, 0) WHERE id = ?').run(recipientId);
    } else {
      statement('UPDATE recipients SET locked_at = COALESCE(locked_at, ?) WHERE id = ? AND failed_codes >= ?').run(
        at,
        recipientId,
        lockAfter,
      );
    }
    const row = oneRow(statement('SELECT locked_at FROM recipients WHERE id = ?').get(recipientId));
    if (row === undefined) throw new StoredRowError('recipients', 'locked_at', 'the recipient just settled', undefined);
    const locked = rowReader('recipients', row).numberOrNull('locked_at') !== null;
    if (locked) statement('DELETE FROM code_challenges WHERE recipient_id = ?').run(recipientId);
    return { locked };
  });

  const shredKey = database.transaction((packageId: string, at: number) => {
    statement('UPDATE packages SET wrapped_key = NULL, kek_id = NULL, shredded_at = COALESCE(shredded_at, ?) WHERE id = ?').run(
      at,
      packageId,
    );
    statement('DELETE FROM code_challenges WHERE recipient_id IN (SELECT id FROM recipients WHERE package_id = ?)').run(packageId);
  });

  const ids = (rows: unknown[]): string[] => allRows(rows).map((row) => rowReader('packages', row).text('id'));

  return {
    ...sqlitePolicyVersions(database, statement),
    async createPackage(created) {
      createPackage(created);
    },
    async markFileUploaded(packageId, fileId) {
      statement('UPDATE files SET uploaded = 1 WHERE id = ? AND package_id = ?').run(fileId, packageId);
    },
    async completePackage(packageId, tokenHashes) {
      return completePackage(packageId, tokenHashes);
    },
    async uploadingPackage(id) {
      return view(oneRow(statement("SELECT * FROM packages WHERE id = ? AND state = 'uploading'").get(id)));
    },
    async packageById(id) {
      return view(oneRow(statement("SELECT * FROM packages WHERE id = ? AND state = 'complete'").get(id)));
    },
    async recipientByTokenHash(tokenHash) {
      const row = oneRow(
        statement(
          "SELECT r.* FROM recipients r JOIN packages p ON p.id = r.package_id WHERE r.token_hash = ? AND p.state = 'complete'",
        ).get(tokenHash),
      );
      if (row === undefined) return null;
      const recipient = recipientRecord(row);
      const found = view(oneRow(statement('SELECT * FROM packages WHERE id = ?').get(recipient.packageId)));
      return found === null ? null : { package: found.package, recipient, files: found.files };
    },
    async listPackages(ownerId, limit) {
      const rows = allRows(
        ownerId === null
          ? statement("SELECT * FROM packages WHERE state = 'complete' ORDER BY created_at DESC, rowid DESC LIMIT ?").all(limit)
          : statement("SELECT * FROM packages WHERE state = 'complete' AND owner_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?").all(
              ownerId,
              limit,
            ),
      );
      return rows.map((row) => view(row)).filter((found): found is PackageView => found !== null);
    },
    async downloadCounts(packageId) {
      const rows = allRows(
        statement(
          'SELECT d.recipient_id, d.file_id, d.count FROM downloads d JOIN recipients r ON r.id = d.recipient_id WHERE r.package_id = ?',
        ).all(packageId),
      );
      return rows.map((row) => {
        const read = rowReader('downloads', row);
        return { recipientId: read.text('recipient_id'), fileId: read.text('file_id'), count: read.number('count') };
      });
    },
    async reserveDownload(recipientId, fileId, max) {
      return reserveDownload(recipientId, fileId, max);
    },
    async revoke(packageId, by, at) {
      statement('UPDATE packages SET revoked_at = COALESCE(revoked_at, ?), revoked_by = COALESCE(revoked_by, ?) WHERE id = ?').run(
        at,
        by,
        packageId,
      );
    },
    async shredKey(packageId, at) {
      shredKey(packageId, at);
    },
    async packagesToShred(now) {
      return ids(
        statement(
          "SELECT id FROM packages WHERE state = 'complete' AND wrapped_key IS NOT NULL AND (expires_at <= ? OR revoked_at IS NOT NULL)",
        ).all(now),
      );
    },
    async packagesToPurge() {
      return ids(statement('SELECT id FROM packages WHERE shredded_at IS NOT NULL AND purged_at IS NULL').all());
    },
    async markPurged(packageId, at) {
      statement('UPDATE packages SET purged_at = ? WHERE id = ?').run(at, packageId);
    },
    async incompletePackages(before) {
      const limit = Number.isFinite(before) ? before : Number.MAX_SAFE_INTEGER;
      return ids(statement("SELECT id FROM packages WHERE state = 'uploading' AND created_at < ?").all(limit));
    },
    async deleteIncomplete(packageId) {
      return statement("DELETE FROM packages WHERE id = ? AND state = 'uploading'").run(packageId).changes > 0;
    },
    async packageIds() {
      const approvals = allRows(statement('SELECT blob_id FROM approvals WHERE blob_id IS NOT NULL').all()).map((row) =>
        rowReader('approvals', row).text('blob_id'),
      );
      return new Set([...ids(statement('SELECT id FROM packages').all()), ...approvals]);
    },
    async createApproval(record) {
      statement(
        `INSERT INTO approvals (${APPROVAL_COLUMNS}, status) VALUES (${placeholders(APPROVAL_COLUMNS, 'question')}, 'pending')`,
      ).run(...approvalValues(record));
    },
    async approvalById(id) {
      const row = oneRow(statement('SELECT * FROM approvals WHERE id = ?').get(id));
      return row === undefined ? null : approvalRecord(row);
    },
    async latestApproval(senderId, fingerprint) {
      const row = oneRow(
        statement('SELECT * FROM approvals WHERE sender_id = ? AND fingerprint = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(
          senderId,
          fingerprint,
        ),
      );
      return row === undefined ? null : approvalRecord(row);
    },
    async appendAuditEvents(events) {
      appendAuditEvents(events);
    },
    async auditEvents(filter) {
      const clauses: string[] = [];
      const values: (string | number)[] = [];
      const where = (clause: string, value: string | number | undefined): void => {
        if (value === undefined) return;
        clauses.push(clause);
        values.push(value);
      };
      where('at >= ?', filter.from);
      where('at < ?', filter.to);
      where('user = ?', filter.user);
      where('decision = ?', filter.decision);
      where('kind = ?', filter.kind);
      // Rule ids are keys of a JSON object: json_each finds them without a second table.
      where('EXISTS (SELECT 1 FROM json_each(audit_events.rules) WHERE key = ?)', filter.rule);
      const sql = `SELECT * FROM audit_events ${clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`} ORDER BY at DESC, rowid DESC LIMIT ?`;
      return allRows(statement(sql).all(...values, filter.limit)).map(auditEventRecord);
    },
    async purgeAuditEvents(before) {
      return statement('DELETE FROM audit_events WHERE at < ?').run(before).changes;
    },
    async grantedApproval(sender, fingerprint, now) {
      const row = oneRow(
        statement(
          "SELECT * FROM approvals WHERE fingerprint = ? AND sender = ? AND status = 'approved' AND expires_at > ? ORDER BY decided_at DESC, rowid DESC LIMIT 1",
        ).get(fingerprint, sender, now),
      );
      return row === undefined ? null : approvalRecord(row);
    },
    async decideApproval(id, decision, now) {
      const result = statement(
        `UPDATE approvals SET status = ?, decided_by = ?, comment = ?, token = ?, decided_at = ?
         WHERE id = ? AND status = 'pending' AND expires_at > ? AND shredded_at IS NULL`,
      ).run(decision.status, decision.decidedBy, decision.comment, decision.token, decision.decidedAt, id, now);
      return result.changes === 1;
    },
    async approvalsToShred(now, decidedBefore) {
      return ids(
        statement(
          `SELECT id FROM approvals WHERE shredded_at IS NULL
           AND ((status IN ('approved', 'rejected') AND decided_at <= ?) OR (status IN ('pending', 'expired') AND expires_at <= ?))`,
        ).all(decidedBefore, now),
      );
    },
    async shredApproval(id, at) {
      statement(
        `UPDATE approvals SET wrapped_key = NULL, kek_id = NULL, shredded_at = COALESCE(shredded_at, ?),
         status = CASE WHEN status = 'pending' THEN 'expired' ELSE status END WHERE id = ?`,
      ).run(at, id);
    },
    async approvalsToPurge() {
      const rows = allRows(statement('SELECT id, blob_id FROM approvals WHERE shredded_at IS NOT NULL AND purged_at IS NULL').all());
      return rows.map((row) => {
        const read = rowReader('approvals', row);
        return [read.text('id'), read.textOrNull('blob_id') ?? ''] as const;
      });
    },
    async markApprovalPurged(id, at) {
      statement('UPDATE approvals SET purged_at = ? WHERE id = ?').run(at, id);
    },
    async saveChallenge(challenge, resendFrom) {
      return (
        statement(
          `INSERT INTO code_challenges (recipient_id, code_hash, sent_at, expires_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (recipient_id) DO UPDATE SET code_hash = excluded.code_hash, sent_at = excluded.sent_at, expires_at = excluded.expires_at
           WHERE code_challenges.sent_at <= ?`,
        ).run(challenge.recipientId, challenge.codeHash, challenge.sentAt, challenge.expiresAt, resendFrom).changes === 1
      );
    },
    async challenge(recipientId) {
      const row = oneRow(statement('SELECT * FROM code_challenges WHERE recipient_id = ?').get(recipientId));
      return row === undefined ? null : codeChallenge(row);
    },
    async deleteChallenge(recipientId, codeHash) {
      statement('DELETE FROM code_challenges WHERE recipient_id = ? AND code_hash = ?').run(recipientId, codeHash);
    },
    async claimCodeAttempt(recipientId, lockAfter) {
      return claimCodeAttempt(recipientId, lockAfter);
    },
    async settleCodeAttempt(recipientId, right, lockAfter, at) {
      return settleCodeAttempt(recipientId, right, lockAfter, at);
    },
    async appendAudit(entry) {
      statement(`INSERT INTO audit (${AUDIT_COLUMNS}) VALUES (${placeholders(AUDIT_COLUMNS, 'question')})`).run(...auditValues(entry));
    },
    async audit(packageId) {
      return allRows(statement('SELECT * FROM audit WHERE package_id = ? ORDER BY seq').all(packageId)).map(auditEntry);
    },
    async close() {
      database.close();
    },
  };
}
