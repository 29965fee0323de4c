// What the one send-time check needs from its host. The handler binds these to src/office and the
// policy endpoint (handler-ports.ts), the pane to its gateway, the CLI to the files it was given.
import type {
  ApprovalGrant,
  AttachmentInspection,
  HistoryLimits,
  MessageSnapshot,
  ProtectionState,
  RecipientHistory,
} from '../policy/index.js';

/** What the pane kept of its approval request on the item (sessionData `preflight.approval`). */
export interface StoredApproval {
  /** The approval fingerprint the request was made for. */
  readonly fingerprint: string;
  /** The signed approval once approved; null while pending or after a rejection. */
  readonly token: string | null;
}

/** The item as Outlook has it, with what the add-in stored on it (sessionData). */
export interface ItemState {
  readonly snapshot: MessageSnapshot;
  readonly confirmedFingerprint: string | null;
  /** The last good policy document kept on the item; null when none. */
  readonly cachedPolicy: unknown;
  /** Attachment outcomes the attachments handler or the pane stored. */
  readonly cachedInspections: readonly AttachmentInspection[];
  /** What the pane protected; null when nothing was or the record is unreadable. */
  readonly protection: ProtectionState | null;
  /** The pane's approval request; absent or null when there is none. */
  readonly approval?: StoredApproval | null;
}

export interface AttachmentOutcomes {
  readonly outcomes: readonly AttachmentInspection[];
  /** Fresh outcomes could not be stored on the item: the next Send will count them as not inspected. */
  readonly notSaved: boolean;
}

export interface CheckPorts {
  /** The organisation's policy document from the server; may reject, or resolve null when there is none. */
  fetchPolicy(): Promise<unknown>;
  readItem(): Promise<ItemState>;
  /** The policy the server embedded beside the code (the boot line); null when there is none. */
  embeddedPolicy(): unknown;
  /**
   * Outcomes for the snapshot's attachments: the handler returns what is cached (it never reads content at
   * Send), the pane inspects what the cache lacks, the CLI reads the files' content.
   */
  attachmentOutcomes(snapshot: MessageSnapshot, cached: readonly AttachmentInspection[]): Promise<AttachmentOutcomes>;
  /**
   * A supervisor's approval of the message with this approval fingerprint, verified by the host (signature,
   * sender, expiry: src/protocol/approval.ts), or null. Asked only while approval-required blocks; a
   * rejection counts as no approval. Absent: approvals are never found (the CLI).
   */
  findApproval?(fingerprint: string, stored: StoredApproval | null): Promise<ApprovalGrant | null>;
  /**
   * The sender's history of outside addresses, without entries beyond `limits` (the host knows the day).
   * Null or absent where the host has none (the CLI without --history, a client without roaming settings):
   * then nobody is called a first-time recipient. Asked only when the policy keeps a history; a throw counts as none.
   */
  readHistory?(limits: HistoryLimits): RecipientHistory | null;
  /** Keeps a policy fetched from the server on the item for the next check; optional, failures ignored. */
  cachePolicy?(document: unknown): Promise<void>;
}

/** Cached outcomes as they are: the send handler's way, and the CLI's for a snapshot without content. */
export function cachedOutcomes(_snapshot: MessageSnapshot, cached: readonly AttachmentInspection[]): Promise<AttachmentOutcomes> {
  return Promise.resolve({ outcomes: cached, notSaved: false });
}
