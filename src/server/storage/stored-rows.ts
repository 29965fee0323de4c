// Database rows to records, checked column by column (row-reader.ts), the same for SQLite and PostgreSQL.
import { rowReader, type Row } from './row-reader.js';
import type { PolicyVersionRecord, PolicyVersionSource, PolicyVersionSummary } from './policy-version-store.js';
import {
  APPROVAL_STATUSES,
  AUDIT_ACTIONS,
  AUDIT_RESULTS,
  PACKAGE_STATES,
  type ApprovalRecord,
  type ApprovalSummary,
  type AuditEntry,
  type AuditEventRecord,
  type CodeChallenge,
  type FileRecord,
  type PackageRecord,
  type RecipientRecord,
} from './records.js';

export function packageRecord(row: Row): PackageRecord {
  const read = rowReader('packages', row);
  return {
    id: read.text('id'),
    ownerId: read.text('owner_id'),
    ownerEmail: read.textOrNull('owner_email'),
    createdAt: read.number('created_at'),
    expiresAt: read.number('expires_at'),
    maxDownloads: read.number('max_downloads'),
    otpRequired: read.flag('otp_required'),
    state: read.choice('state', PACKAGE_STATES),
    kekId: read.textOrNull('kek_id'),
    wrappedKey: read.bytesOrNull('wrapped_key'),
    revokedAt: read.numberOrNull('revoked_at'),
    revokedBy: read.textOrNull('revoked_by'),
    shreddedAt: read.numberOrNull('shredded_at'),
    purgedAt: read.numberOrNull('purged_at'),
  };
}

export function fileRecord(row: Row): FileRecord {
  const read = rowReader('files', row);
  return {
    id: read.text('id'),
    packageId: read.text('package_id'),
    position: read.number('position'),
    name: read.text('name'),
    size: read.number('size'),
    contentType: read.text('content_type'),
    noncePrefix: read.bytes('nonce_prefix'),
    uploaded: read.flag('uploaded'),
  };
}

export function recipientRecord(row: Row): RecipientRecord {
  const read = rowReader('recipients', row);
  return {
    id: read.text('id'),
    packageId: read.text('package_id'),
    address: read.text('address'),
    failedCodes: read.number('failed_codes'),
    lockedAt: read.numberOrNull('locked_at'),
  };
}

export function codeChallenge(row: Row): CodeChallenge {
  const read = rowReader('code_challenges', row);
  return {
    recipientId: read.text('recipient_id'),
    codeHash: read.bytes('code_hash'),
    sentAt: read.number('sent_at'),
    expiresAt: read.number('expires_at'),
  };
}

export function auditEntry(row: Row): AuditEntry {
  const read = rowReader('audit', row);
  return {
    at: read.number('at'),
    packageId: read.text('package_id'),
    recipientId: read.textOrNull('recipient_id'),
    fileId: read.textOrNull('file_id'),
    action: read.choice('action', AUDIT_ACTIONS),
    result: read.choice('result', AUDIT_RESULTS),
    actor: read.textOrNull('actor'),
    ip: read.textOrNull('ip'),
    userAgent: read.textOrNull('user_agent'),
    bytes: read.number('bytes'),
  };
}

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw new TypeError(`${where}: expected a JSON list of text`);
  return value;
}

export function approvalRecord(row: Row): ApprovalRecord {
  const read = rowReader('approvals', row);
  const summary = read.json('summary');
  if (typeof summary !== 'object' || summary === null) throw new TypeError('approvals.summary: expected a JSON object');
  return {
    id: read.text('id'),
    senderId: read.text('sender_id'),
    sender: read.text('sender'),
    approvers: stringList(read.json('approvers'), 'approvals.approvers'),
    fingerprint: read.text('fingerprint'),
    // Written by this server from a checked request (src/server/approvals); its shape is the protocol's.
    summary: summary as ApprovalSummary,
    status: read.choice('status', APPROVAL_STATUSES),
    decidedBy: read.textOrNull('decided_by'),
    comment: read.textOrNull('comment'),
    token: read.textOrNull('token'),
    createdAt: read.number('created_at'),
    expiresAt: read.number('expires_at'),
    decidedAt: read.numberOrNull('decided_at'),
    kekId: read.textOrNull('kek_id'),
    wrappedKey: read.bytesOrNull('wrapped_key'),
    blobId: read.textOrNull('blob_id'),
    noncePrefix: read.bytesOrNull('nonce_prefix'),
    shreddedAt: read.numberOrNull('shredded_at'),
    purgedAt: read.numberOrNull('purged_at'),
  };
}

function ruleCounts(value: unknown): Record<string, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError('audit_events.rules: expected a JSON object');
  const counts: Record<string, number> = {};
  for (const [rule, count] of Object.entries(value)) {
    if (typeof count !== 'number') throw new TypeError(`audit_events.rules.${rule}: expected a number`);
    counts[rule] = count;
  }
  return counts;
}

export function auditEventRecord(row: Row): AuditEventRecord {
  const read = rowReader('audit_events', row);
  return {
    at: read.number('at'),
    receivedAt: read.number('received_at'),
    userId: read.textOrNull('user_id'),
    user: read.text('user'),
    verified: read.flag('verified'),
    kind: read.text('kind'),
    platform: read.text('platform'),
    mailbox: read.text('mailbox'),
    policy: read.textOrNull('policy'),
    decision: read.textOrNull('decision'),
    rules: ruleCounts(read.json('rules')),
    domains: stringList(read.json('domains'), 'audit_events.domains'),
    durationMs: read.numberOrNull('duration_ms'),
    confirmSeconds: read.numberOrNull('confirm_seconds'),
  };
}

const POLICY_SOURCES: readonly PolicyVersionSource[] = ['file', 'admin', 'rollback'];

export function policyVersionSummary(row: Row): PolicyVersionSummary {
  const read = rowReader('policy_versions', row);
  const authorId = read.textOrNull('created_by_id');
  return {
    version: read.number('version'),
    sha256: read.text('sha256'),
    createdAt: read.number('created_at'),
    createdBy: authorId === null ? null : { id: authorId, address: read.textOrNull('created_by_address') },
    reason: read.text('reason'),
    source: read.choice('source', POLICY_SOURCES),
    restoredFrom: read.numberOrNull('restored_from'),
  };
}

export function policyDocumentJson(row: Row): string {
  return rowReader('policy_versions', row).text('document');
}

/** The columns policyVersionSummary reads: a page of versions without their documents. */
export const POLICY_VERSION_SUMMARY_COLUMNS =
  'version, sha256, created_at, created_by_id, created_by_address, reason, source, restored_from';

/** A whole version, document included; null for no row. */
export function policyVersionRecord(row: Row | undefined): PolicyVersionRecord | null {
  return row === undefined ? null : { ...policyVersionSummary(row), documentJson: policyDocumentJson(row) };
}
