// Records to the values of an INSERT, in the column order both stores' statements name, so SQLite and
// PostgreSQL store the same thing; JSON columns are written as text (PostgreSQL casts it to JSONB).
import type { NewApproval } from './meta-store.js';
import type { AuditEventRecord } from './records.js';

export const APPROVAL_COLUMNS =
  'id, sender_id, sender, approvers, fingerprint, summary, created_at, expires_at, kek_id, wrapped_key, blob_id, nonce_prefix';

export function approvalValues(record: NewApproval): unknown[] {
  return [
    record.id,
    record.senderId,
    record.sender,
    JSON.stringify(record.approvers),
    record.fingerprint,
    JSON.stringify(record.summary),
    record.createdAt,
    record.expiresAt,
    record.kekId,
    record.wrappedKey,
    record.blobId,
    record.noncePrefix,
  ];
}

/** `user` is quoted: a reserved word in PostgreSQL, a plain name in SQLite. */
export const AUDIT_EVENT_COLUMNS =
  'at, received_at, user_id, "user", verified, kind, platform, mailbox, policy, decision, rules, domains, duration_ms, confirm_seconds';

/** `verified` as given: SQLite takes 1/0 (see its store), PostgreSQL a boolean. */
export function auditEventValues(event: AuditEventRecord, verified: boolean | number): unknown[] {
  return [
    event.at,
    event.receivedAt,
    event.userId,
    event.user,
    verified,
    event.kind,
    event.platform,
    event.mailbox,
    event.policy,
    event.decision,
    JSON.stringify(event.rules),
    JSON.stringify(event.domains),
    event.durationMs,
    event.confirmSeconds,
  ];
}

/** `$1, $2, …` for PostgreSQL or `?, ?, …` for SQLite. */
export function placeholders(count: number, style: 'numbered' | 'question'): string {
  return Array.from({ length: count }, (_, index) => (style === 'numbered' ? `$${index + 1}` : '?')).join(', ');
}
