import pg from 'pg';
import type { MetaStore } from './meta-store.js';
import { postgresPolicyVersions } from './postgres-policy-versions.js';
import { POSTGRES_MIGRATIONS } from './postgres-schema.js';
import type { AuditEventRecord, PackageView } from './records.js';
import type { Row } from './row-reader.js';
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

/** OIDs of the types whose default text form we replace (pg_type.oid). */
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * BIGINT columns hold epoch milliseconds and sizes, far below 2^53: numbers, not pg's default strings.
 * A value past Number.MAX_SAFE_INTEGER would be a broken row, so it fails loudly instead of rounding.
 */
function safeNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`a stored integer is out of range: ${text}`);
  return value;
}

const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return safeNumber;
    return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

export type Queryable = Pick<pg.PoolClient, 'query'>;

/** Runs `work` in one transaction on one connection: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Any number of instances may start at once: one advisory lock makes them migrate one after another. */
const MIGRATION_LOCK = 0x70726566; // "pref"

async function migrate(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS preflight_migrations (step INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const { rows } = await client.query<{ done: number | null }>('SELECT max(step) AS done FROM preflight_migrations');
    for (let step = rows[0]?.done ?? 0; step < POSTGRES_MIGRATIONS.length; step += 1) {
      await client.query(POSTGRES_MIGRATIONS[step] ?? '');
      await client.query('INSERT INTO preflight_migrations (step, applied_at) VALUES ($1, $2)', [step + 1, Date.now()]);
    }
  });
}

export interface PostgresMetaStore extends MetaStore {
  /** The pool, for the other shared parts of several instances (locks, counters, keys). */
  readonly pool: pg.Pool;
}

/** The MetaStore on PostgreSQL (PREFLIGHT_DATABASE_URL), migrated at open; several instances may share it. */
export async function openPostgresMetaStore(
  connectionString: string,
  options: { readonly maxConnections?: number } = {},
): Promise<PostgresMetaStore> {
  const pool = new pg.Pool({ connectionString, types: TYPES, max: options.maxConnections ?? 10 });
  // An idle connection the server drops (failover, restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const rows = async (sql: string, values: readonly unknown[] = [], on: Queryable = pool): Promise<Row[]> =>
    (await on.query(sql, [...values])).rows as Row[];
  const one = async (sql: string, values: readonly unknown[] = [], on: Queryable = pool): Promise<Row | undefined> =>
    (await rows(sql, values, on))[0];
  const ids = (found: readonly Row[], column = 'id'): string[] => found.map((row) => String(row[column]));

  const view = async (row: Row | undefined): Promise<PackageView | null> => {
    if (row === undefined) return null;
    const record = packageRecord(row);
    const [files, recipients] = await Promise.all([
      rows('SELECT * FROM files WHERE package_id = $1 ORDER BY position', [record.id]),
      rows('SELECT * FROM recipients WHERE package_id = $1 ORDER BY seq', [record.id]),
    ]);
    return { package: record, files: files.map(fileRecord), recipients: recipients.map(recipientRecord) };
  };

  return {
    pool,
    ...postgresPolicyVersions(pool),
    async createPackage(created) {
      const record = created.package;
      await inTransaction(pool, async (client) => {
        await client.query(
          `INSERT INTO packages (${PACKAGE_COLUMNS}, state) VALUES (${placeholders(PACKAGE_COLUMNS, 'numbered')}, 'uploading')`,
          packageValues(record, record.otpRequired),
        );
        for (const file of created.files) {
          await client.query(
            'INSERT INTO files (id, package_id, position, name, size, content_type, nonce_prefix) VALUES ($1, $2, $3, $4, $5, $6, $7)',
            [file.id, record.id, file.position, file.name, file.size, file.contentType, file.noncePrefix],
          );
        }
        for (const recipient of created.recipients) {
          await client.query('INSERT INTO recipients (id, package_id, address) VALUES ($1, $2, $3)', [
            recipient.id,
            record.id,
            recipient.address,
          ]);
        }
      });
    },
    async markFileUploaded(packageId, fileId) {
      await pool.query('UPDATE files SET uploaded = TRUE WHERE id = $1 AND package_id = $2', [fileId, packageId]);
    },
    async completePackage(packageId, tokenHashes) {
      return inTransaction(pool, async (client) => {
        const row = await one('SELECT state FROM packages WHERE id = $1 FOR UPDATE', [packageId], client);
        if (row?.['state'] !== 'uploading') return false;
        for (const [recipientId, hash] of tokenHashes) {
          await client.query('UPDATE recipients SET token_hash = $1 WHERE id = $2 AND package_id = $3', [hash, recipientId, packageId]);
        }
        await client.query("UPDATE packages SET state = 'complete' WHERE id = $1", [packageId]);
        return true;
      });
    },
    async uploadingPackage(id) {
      return view(await one("SELECT * FROM packages WHERE id = $1 AND state = 'uploading'", [id]));
    },
    async packageById(id) {
      return view(await one("SELECT * FROM packages WHERE id = $1 AND state = 'complete'", [id]));
    },
    async recipientByTokenHash(tokenHash) {
      const row = await one(
        "SELECT r.* FROM recipients r JOIN packages p ON p.id = r.package_id WHERE r.token_hash = $1 AND p.state = 'complete'",
        [tokenHash],
      );
      if (row === undefined) return null;
      const recipient = recipientRecord(row);
      const found = await view(await one('SELECT * FROM packages WHERE id = $1', [recipient.packageId]));
      return found === null ? null : { package: found.package, recipient, files: found.files };
    },
    async listPackages(ownerId, limit) {
      const found =
        ownerId === null
          ? await rows("SELECT * FROM packages WHERE state = 'complete' ORDER BY created_at DESC, seq DESC LIMIT $1", [limit])
          : await rows("SELECT * FROM packages WHERE state = 'complete' AND owner_id = $1 ORDER BY created_at DESC, seq DESC LIMIT $2", [
              ownerId,
              limit,
            ]);
      const views = await Promise.all(found.map((row) => view(row)));
      return views.filter((item): item is PackageView => item !== null);
    },
    async downloadCounts(packageId) {
      const found = await rows(
        'SELECT d.recipient_id, d.file_id, d.count FROM downloads d JOIN recipients r ON r.id = d.recipient_id WHERE r.package_id = $1',
        [packageId],
      );
      return found.map((row) => ({
        recipientId: String(row['recipient_id']),
        fileId: String(row['file_id']),
        count: Number(row['count']),
      }));
    },
    async reserveDownload(recipientId, fileId, max) {
      // One statement, so two instances counting the same download at once cannot both pass the maximum.
      const result = await pool.query(
        `INSERT INTO downloads (recipient_id, file_id, count) SELECT $1, $2, 1 WHERE $3 > 0
         ON CONFLICT (recipient_id, file_id) DO UPDATE SET count = downloads.count + 1 WHERE downloads.count < $3`,
        [recipientId, fileId, max],
      );
      return result.rowCount === 1;
    },
    async revoke(packageId, by, at) {
      await pool.query('UPDATE packages SET revoked_at = COALESCE(revoked_at, $1), revoked_by = COALESCE(revoked_by, $2) WHERE id = $3', [
        at,
        by,
        packageId,
      ]);
    },
    async shredKey(packageId, at) {
      await inTransaction(pool, async (client) => {
        await client.query('UPDATE packages SET wrapped_key = NULL, kek_id = NULL, shredded_at = COALESCE(shredded_at, $1) WHERE id = $2', [
          at,
          packageId,
        ]);
        await client.query('DELETE FROM code_challenges WHERE recipient_id IN (SELECT id FROM recipients WHERE package_id = $1)', [
          packageId,
        ]);
      });
    },
    async packagesToShred(now) {
      return ids(
        await rows(
          "SELECT id FROM packages WHERE state = 'complete' AND wrapped_key IS NOT NULL AND (expires_at <= $1 OR revoked_at IS NOT NULL)",
          [now],
        ),
      );
    },
    async packagesToPurge() {
      return ids(await rows('SELECT id FROM packages WHERE shredded_at IS NOT NULL AND purged_at IS NULL'));
    },
    async markPurged(packageId, at) {
      await pool.query('UPDATE packages SET purged_at = $1 WHERE id = $2', [at, packageId]);
    },
    async incompletePackages(before) {
      const limit = Number.isFinite(before) ? before : Number.MAX_SAFE_INTEGER;
      return ids(await rows("SELECT id FROM packages WHERE state = 'uploading' AND created_at < $1", [limit]));
    },
    async deleteIncomplete(packageId) {
      const result = await pool.query("DELETE FROM packages WHERE id = $1 AND state = 'uploading'", [packageId]);
      return (result.rowCount ?? 0) > 0;
    },
    async packageIds() {
      const [packages, approvals] = await Promise.all([
        rows('SELECT id FROM packages'),
        rows('SELECT blob_id FROM approvals WHERE blob_id IS NOT NULL'),
      ]);
      return new Set([...ids(packages), ...ids(approvals, 'blob_id')]);
    },
    async saveChallenge(challenge, resendFrom) {
      const result = await pool.query(
        `INSERT INTO code_challenges (recipient_id, code_hash, sent_at, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (recipient_id) DO UPDATE SET code_hash = excluded.code_hash, sent_at = excluded.sent_at, expires_at = excluded.expires_at
         WHERE code_challenges.sent_at <= $5`,
        [challenge.recipientId, challenge.codeHash, challenge.sentAt, challenge.expiresAt, resendFrom],
      );
      return result.rowCount === 1;
    },
    async challenge(recipientId) {
      const row = await one('SELECT * FROM code_challenges WHERE recipient_id = $1', [recipientId]);
      return row === undefined ? null : codeChallenge(row);
    },
    async deleteChallenge(recipientId, codeHash) {
      await pool.query('DELETE FROM code_challenges WHERE recipient_id = $1 AND code_hash = $2', [recipientId, codeHash]);
    },
    async claimCodeAttempt(recipientId, lockAfter) {
      // One statement, so instances comparing codes at once cannot take more attempts than there are.
      const result = await pool.query(
        'UPDATE recipients SET failed_codes = failed_codes + 1 WHERE id = $1 AND locked_at IS NULL AND failed_codes < $2',
        [recipientId, lockAfter],
      );
      return result.rowCount === 1;
    },
    async settleCodeAttempt(recipientId, right, lockAfter, at) {
      return inTransaction(pool, async (client) => {
        const row = right
          ? await one(
              'UPDATE recipients SET failed_codes = GREATEST(failed_codes - 1, 0) WHERE id = $1 RETURNING locked_at',
              [recipientId],
              client,
            )
          : await one(
              'UPDATE recipients SET locked_at = CASE WHEN failed_codes >= $2 THEN COALESCE(locked_at, $3) ELSE locked_at END WHERE id = $1 RETURNING locked_at',
              [recipientId, lockAfter, at],
              client,
            );
        const locked = row !== undefined && row['locked_at'] !== null;
        if (locked) await client.query('DELETE FROM code_challenges WHERE recipient_id = $1', [recipientId]);
        return { locked };
      });
    },
    async appendAudit(entry) {
      await pool.query(`INSERT INTO audit (${AUDIT_COLUMNS}) VALUES (${placeholders(AUDIT_COLUMNS, 'numbered')})`, auditValues(entry));
    },
    async audit(packageId) {
      return (await rows('SELECT * FROM audit WHERE package_id = $1 ORDER BY seq', [packageId])).map(auditEntry);
    },
    async createApproval(record) {
      await pool.query(
        `INSERT INTO approvals (${APPROVAL_COLUMNS}, status) VALUES (${placeholders(APPROVAL_COLUMNS, 'numbered')}, 'pending')`,
        approvalValues(record),
      );
    },
    async approvalById(id) {
      const row = await one('SELECT * FROM approvals WHERE id = $1', [id]);
      return row === undefined ? null : approvalRecord(row);
    },
    async latestApproval(senderId, fingerprint) {
      const row = await one(
        'SELECT * FROM approvals WHERE sender_id = $1 AND fingerprint = $2 ORDER BY created_at DESC, seq DESC LIMIT 1',
        [senderId, fingerprint],
      );
      return row === undefined ? null : approvalRecord(row);
    },
    async appendAuditEvents(events) {
      if (events.length === 0) return;
      await inTransaction(pool, async (client) => {
        for (const event of events) await insertAuditEvent(client, event);
      });
    },
    async auditEvents(filter) {
      const clauses: string[] = [];
      const values: (string | number)[] = [];
      const where = (clause: (placeholder: string) => string, value: string | number | undefined): void => {
        if (value === undefined) return;
        values.push(value);
        clauses.push(clause(`$${values.length}`));
      };
      where((p) => `at >= ${p}`, filter.from);
      where((p) => `at < ${p}`, filter.to);
      where((p) => `"user" = ${p}`, filter.user);
      where((p) => `decision = ${p}`, filter.decision);
      where((p) => `kind = ${p}`, filter.kind);
      where((p) => `rules ? ${p}`, filter.rule);
      values.push(filter.limit);
      const sql = `SELECT * FROM audit_events ${clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`} ORDER BY at DESC, seq DESC LIMIT $${values.length}`;
      return (await rows(sql, values)).map(auditEventRecord);
    },
    async purgeAuditEvents(before) {
      return (await pool.query('DELETE FROM audit_events WHERE at < $1', [before])).rowCount ?? 0;
    },
    async grantedApproval(sender, fingerprint, now) {
      const row = await one(
        "SELECT * FROM approvals WHERE fingerprint = $1 AND sender = $2 AND status = 'approved' AND expires_at > $3 ORDER BY decided_at DESC, seq DESC LIMIT 1",
        [fingerprint, sender, now],
      );
      return row === undefined ? null : approvalRecord(row);
    },
    async decideApproval(id, decision, now) {
      const result = await pool.query(
        `UPDATE approvals SET status = $1, decided_by = $2, comment = $3, token = $4, decided_at = $5
         WHERE id = $6 AND status = 'pending' AND expires_at > $7 AND shredded_at IS NULL`,
        [decision.status, decision.decidedBy, decision.comment, decision.token, decision.decidedAt, id, now],
      );
      return result.rowCount === 1;
    },
    async approvalsToShred(now, decidedBefore) {
      return ids(
        await rows(
          `SELECT id FROM approvals WHERE shredded_at IS NULL
           AND ((status IN ('approved', 'rejected') AND decided_at <= $1) OR (status IN ('pending', 'expired') AND expires_at <= $2))`,
          [decidedBefore, now],
        ),
      );
    },
    async shredApproval(id, at) {
      await pool.query(
        `UPDATE approvals SET wrapped_key = NULL, kek_id = NULL, shredded_at = COALESCE(shredded_at, $1),
         status = CASE WHEN status = 'pending' THEN 'expired' ELSE status END WHERE id = $2`,
        [at, id],
      );
    },
    async approvalsToPurge() {
      const found = await rows('SELECT id, blob_id FROM approvals WHERE shredded_at IS NOT NULL AND purged_at IS NULL');
      return found.map((row) => [String(row['id']), row['blob_id'] === null ? '' : String(row['blob_id'])] as const);
    },
    async markApprovalPurged(id, at) {
      await pool.query('UPDATE approvals SET purged_at = $1 WHERE id = $2', [at, id]);
    },
    async close() {
      await pool.end();
    },
  };
}

async function insertAuditEvent(client: Queryable, event: AuditEventRecord): Promise<void> {
  await client.query(
    `INSERT INTO audit_events (${AUDIT_EVENT_COLUMNS}) VALUES (${placeholders(AUDIT_EVENT_COLUMNS, 'numbered')})`,
    auditEventValues(event, event.verified),
  );
}
