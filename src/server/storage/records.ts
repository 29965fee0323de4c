import type { AdminAuditEvent, ApprovalStatus, ApprovalSummary } from '../../protocol/index.js';

/** What the link mode stores about a package; times are epoch milliseconds. */
export const PACKAGE_STATES = ['uploading', 'complete'] as const;
export type PackageState = (typeof PACKAGE_STATES)[number];

export interface PackageRecord {
  readonly id: string;
  readonly ownerId: string;
  readonly ownerEmail: string | null;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly maxDownloads: number;
  readonly otpRequired: boolean;
  readonly state: PackageState;
  /** Null once the key is shredded (expiry or revocation): the blobs are then unreadable everywhere. */
  readonly kekId: string | null;
  readonly wrappedKey: Buffer | null;
  readonly revokedAt: number | null;
  readonly revokedBy: string | null;
  readonly shreddedAt: number | null;
  readonly purgedAt: number | null;
}

export interface FileRecord {
  readonly id: string;
  readonly packageId: string;
  readonly position: number;
  readonly name: string;
  readonly size: number;
  readonly contentType: string;
  readonly noncePrefix: Buffer;
  readonly uploaded: boolean;
}

export interface RecipientRecord {
  readonly id: string;
  readonly packageId: string;
  readonly address: string;
  readonly failedCodes: number;
  readonly lockedAt: number | null;
}

export interface CodeChallenge {
  readonly recipientId: string;
  readonly codeHash: Buffer;
  readonly sentAt: number;
  readonly expiresAt: number;
}

export const AUDIT_ACTIONS = ['create', 'view', 'code-sent', 'download', 'revoke', 'shred', 'purge'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_RESULTS = [
  'ok',
  'expired',
  'revoked',
  'limit',
  'locked',
  'bad-code',
  'code-required',
  'code-expired',
  'too-soon',
  'mail-failed',
  'integrity',
  'aborted',
  'not-found',
  'bad-file',
  'code-not-needed',
] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export interface AuditEntry {
  readonly at: number;
  readonly packageId: string;
  readonly recipientId: string | null;
  readonly fileId: string | null;
  readonly action: AuditAction;
  readonly result: AuditResult;
  /** Who acted when it was a signed-in user (create, revoke); null for recipients and jobs. */
  readonly actor: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly bytes: number;
}

export interface PackageView {
  readonly package: PackageRecord;
  readonly files: readonly FileRecord[];
  readonly recipients: readonly RecipientRecord[];
}

export interface RecipientView {
  readonly package: PackageRecord;
  readonly recipient: RecipientRecord;
  readonly files: readonly FileRecord[];
}

export interface DownloadCount {
  readonly recipientId: string;
  readonly fileId: string;
  readonly count: number;
}

// A supervisor approval request (docs/approval.md): its status and summary are the wire's (src/protocol).
export type { ApprovalStatus, ApprovalSummary } from '../../protocol/index.js';
export const APPROVAL_STATUSES: readonly ApprovalStatus[] = ['pending', 'approved', 'rejected', 'expired'];

export interface ApprovalRecord {
  readonly id: string;
  readonly senderId: string;
  readonly sender: string;
  readonly approvers: readonly string[];
  readonly fingerprint: string;
  readonly summary: ApprovalSummary;
  readonly status: ApprovalStatus;
  readonly decidedBy: string | null;
  readonly comment: string | null;
  /** The signed approval (compact JWS) once approved. */
  readonly token: string | null;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly decidedAt: number | null;
  /** Null when no content was uploaded, and once shredded. */
  readonly kekId: string | null;
  readonly wrappedKey: Buffer | null;
  /** The blob package holding the sealed content; kept after shredding until the blob is removed. */
  readonly blobId: string | null;
  readonly noncePrefix: Buffer | null;
  readonly shreddedAt: number | null;
  readonly purgedAt: number | null;
}

export interface ApprovalDecision {
  readonly status: 'approved' | 'rejected';
  readonly decidedBy: string;
  readonly comment: string | null;
  readonly token: string | null;
  readonly decidedAt: number;
}

/**
 * One audit event as stored (docs/admin.md "Audit"): who, what was decided, never content. The fields the
 * admin API exports (src/protocol/admin-audit.ts), with times in ms and the verified user's id.
 */
export interface AuditEventRecord extends Omit<AdminAuditEvent, 'at'> {
  /** When it happened on the client (ms since the epoch), and when the server received it. */
  readonly at: number;
  readonly receivedAt: number;
  /** The verified user's id, or null for a handler's claim. */
  readonly userId: string | null;
}

export interface AuditEventFilter {
  readonly from?: number;
  readonly to?: number;
  readonly user?: string;
  readonly decision?: string;
  readonly rule?: string;
  readonly kind?: string;
  /** Newest first; at most this many. */
  readonly limit: number;
}
