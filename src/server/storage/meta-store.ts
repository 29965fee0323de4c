import type { PolicyVersionStore } from './policy-version-store.js';
import type {
  ApprovalDecision,
  ApprovalRecord,
  AuditEntry,
  AuditEventFilter,
  AuditEventRecord,
  CodeChallenge,
  DownloadCount,
  FileRecord,
  PackageRecord,
  PackageView,
  RecipientView,
} from './records.js';

export interface NewPackage {
  readonly package: Omit<PackageRecord, 'state' | 'revokedAt' | 'revokedBy' | 'shreddedAt' | 'purgedAt'>;
  readonly files: readonly Omit<FileRecord, 'uploaded'>[];
  readonly recipients: readonly { readonly id: string; readonly address: string }[];
}

/**
 * Package metadata, recipients, download counts, one-time codes, the audit trail, approvals and policy
 * versions. Asynchronous so that a networked database can stand behind it; the embedded one is SQLite.
 */
export interface MetaStore extends PolicyVersionStore {
  createPackage(created: NewPackage): Promise<void>;
  markFileUploaded(packageId: string, fileId: string): Promise<void>;
  /**
   * Sets each recipient's token hash and makes the package visible, in one transaction; false (and no
   * change) when the package is not uploading any more, e.g. a second concurrent complete.
   */
  completePackage(packageId: string, tokenHashes: ReadonlyMap<string, Buffer>): Promise<boolean>;
  /** A package still being uploaded (not yet visible anywhere else). */
  uploadingPackage(id: string): Promise<PackageView | null>;
  /** A complete package only. */
  packageById(id: string): Promise<PackageView | null>;
  /** A complete package only. */
  recipientByTokenHash(tokenHash: Buffer): Promise<RecipientView | null>;
  /** Newest first, complete packages only; `ownerId` null lists everyone's. */
  listPackages(ownerId: string | null, limit: number): Promise<readonly PackageView[]>;
  downloadCounts(packageId: string): Promise<readonly DownloadCount[]>;
  /** Counts one download unless the recipient already had `max` of that file; false when refused. */
  reserveDownload(recipientId: string, fileId: string, max: number): Promise<boolean>;
  revoke(packageId: string, by: string, at: number): Promise<void>;
  /** Deletes the wrapped key (crypto-shredding) and any pending codes. */
  shredKey(packageId: string, at: number): Promise<void>;
  /** Complete packages whose key is still there but whose expiry has passed, or which were revoked. */
  packagesToShred(now: number): Promise<readonly string[]>;
  /** Packages with a shredded key whose blobs are not yet removed. */
  packagesToPurge(): Promise<readonly string[]>;
  markPurged(packageId: string, at: number): Promise<void>;
  /** Packages still uploading that were created before `before` (all of them when before is Infinity). */
  incompletePackages(before: number): Promise<readonly string[]>;
  /** Removes an incomplete package's rows, and says whether it did; a complete one is never deleted. */
  deleteIncomplete(packageId: string): Promise<boolean>;
  /** Every blob package id that has rows: packages complete or not, and approvals' content (to find orphaned blobs). */
  packageIds(): Promise<ReadonlySet<string>>;
  /**
   * Keeps the recipient's new code unless the last one was sent after `resendFrom`, and says whether it
   * did: one statement, so requests that ask at once, on any instance, mail one code, not several.
   */
  saveChallenge(challenge: CodeChallenge, resendFrom: number): Promise<boolean>;
  challenge(recipientId: string): Promise<CodeChallenge | null>;
  /** Deletes the recipient's code if it is still the one with this hash, not one sent since. */
  deleteChallenge(recipientId: string, codeHash: Buffer): Promise<void>;
  /**
   * Takes one of the recipient's `lockAfter` attempts before a code is compared, so codes checked at once,
   * on any instance, never outnumber the attempts (docs/protection.md, "Recipient's rules, exactly").
   * False when the recipient is locked or every attempt is spent or being compared. A taken attempt counts
   * as a failure until it is settled.
   */
  claimCodeAttempt(recipientId: string, lockAfter: number): Promise<boolean>;
  /**
   * After the comparison: a right code gives its attempt back; a wrong one keeps it and locks the recipient
   * (dropping its pending code) when the attempts are spent. Returns whether the recipient is locked.
   */
  settleCodeAttempt(recipientId: string, right: boolean, lockAfter: number, at: number): Promise<{ locked: boolean }>;
  appendAudit(entry: AuditEntry): Promise<void>;
  audit(packageId: string): Promise<readonly AuditEntry[]>;
  createApproval(record: NewApproval): Promise<void>;
  approvalById(id: string): Promise<ApprovalRecord | null>;
  /** The sender's newest request for this fingerprint, whatever its status. */
  latestApproval(senderId: string, fingerprint: string): Promise<ApprovalRecord | null>;
  appendAuditEvents(events: readonly AuditEventRecord[]): Promise<void>;
  auditEvents(filter: AuditEventFilter): Promise<readonly AuditEventRecord[]>;
  /** Deletes events that happened before `before`; returns how many. */
  purgeAuditEvents(before: number): Promise<number>;
  /** The newest approved request of this sender address for this fingerprint that has not expired at `now`. */
  grantedApproval(sender: string, fingerprint: string, now: number): Promise<ApprovalRecord | null>;
  /**
   * Records the one decision of a pending request not yet past expiry, in one statement; false (and no
   * change) when it was decided, expired or shredded already, so a replayed decision cannot overwrite it.
   */
  decideApproval(id: string, decision: ApprovalDecision, now: number): Promise<boolean>;
  /**
   * Requests whose content key is still there but may go: decided before `decidedBefore` (retention), or
   * pending past expiry (those are marked expired as they are shredded).
   */
  approvalsToShred(now: number, decidedBefore: number): Promise<readonly string[]>;
  /** Deletes the wrapped content key; a pending request past expiry becomes expired. */
  shredApproval(id: string, at: number): Promise<void>;
  /** Shredded requests whose content blob is not yet removed: [request id, blob id]. */
  approvalsToPurge(): Promise<ReadonlyArray<readonly [string, string]>>;
  markApprovalPurged(id: string, at: number): Promise<void>;
  close(): Promise<void>;
}

export type NewApproval = Omit<ApprovalRecord, 'status' | 'decidedBy' | 'comment' | 'token' | 'decidedAt' | 'shreddedAt' | 'purgedAt'>;
