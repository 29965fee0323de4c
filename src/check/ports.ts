// What the one send-time check needs from its host. The handler binds these to src/office and the
// policy endpoint (handler-ports.ts), the pane to its gateway, the CLI to the files it was given.
import type { AttachmentInspection, MessageSnapshot, ProtectionState } from '../policy/index.js';

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
  /** Keeps a policy fetched from the server on the item for the next check; optional, failures ignored. */
  cachePolicy?(document: unknown): Promise<void>;
  nowMs(): number;
}

/** Cached outcomes as they are: the send handler's way, and the CLI's for a snapshot without content. */
export function cachedOutcomes(_snapshot: MessageSnapshot, cached: readonly AttachmentInspection[]): Promise<AttachmentOutcomes> {
  return Promise.resolve({ outcomes: cached, notSaved: false });
}
