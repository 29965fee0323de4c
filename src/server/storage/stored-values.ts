// Records to the values of an INSERT, in the column order both stores' statements name, so SQLite and
// PostgreSQL store the same thing; JSON columns are written as text (PostgreSQL casts it to JSONB).
import type { NewApproval, NewPackage } from './meta-store.js';
import type { NewPolicyVersion } from './policy-version-store.js';
import type { AuditEntry, AuditEventRecord } from './records.js';

/** A new package's row but its state, which both stores write as 'uploading'. */
export const PACKAGE_COLUMNS = 'id, owner_id, owner_email, created_at, expires_at, max_downloads, otp_required, kek_id, wrapped_key';

/** `otpRequired` as given: SQLite takes 1/0 (see its store), PostgreSQL a boolean. */
export function packageValues(record: NewPackage['package'], otpRequired: boolean | number): unknown[] {
  return [
    record.id,
    record.ownerId,
    record.ownerEmail,
    record.createdAt,
    record.expiresAt,
    record.maxDownloads,
    otpRequired,
    record.kekId,
    record.wrappedKey,
  ];
}

export const AUDIT_COLUMNS = 'at, package_id, recipient_id, file_id, action, result, actor, ip, user_agent, bytes';

export function auditValues(entry: AuditEntry): unknown[] {
  return [
    entry.at,
    entry.packageId,
    entry.recipientId,
    entry.fileId,
    entry.action,
    entry.result,
    entry.actor,
    entry.ip,
    entry.userAgent,
    entry.bytes,
  ];
}

export const POLICY_VERSION_COLUMNS =
  'version, document, sha256, created_at, created_by_id, created_by_address, reason, source, restored_from';

export function policyVersionValues(version: number, created: NewPolicyVersion): unknown[] {
  return [
    version,
    created.documentJson,
    created.sha256,
    created.createdAt,
    created.createdBy?.id ?? null,
    created.createdBy?.address ?? null,
    created.reason,
    created.source,
    created.restoredFrom,
  ];
}

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

/** One placeholder per column of `columns`: `$1, $2, …` for PostgreSQL or `?, ?, …` for SQLite. */
export function placeholders(columns: string, style: 'numbered' | 'question'): string {
  const count = columns.split(',').length;
  return Array.from({ length: count }, (_, index) => (style === 'numbered' ? `$${index + 1}` : '?')).join(', ');
}
