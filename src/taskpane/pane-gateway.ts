import type { NewMessageForm } from '../office/index.js';
import type {
  AttachmentInspection,
  AttachmentSnapshot,
  HistoryLimits,
  MessageSnapshot,
  ProtectionState,
  RecipientField,
  RecipientHistory,
} from '../policy/index.js';
import type { LinkSummary } from '../protocol/index.js';
import type { ApprovalPorts } from './approval-ports.js';
import type { PaneAuditPorts } from './pane-audit.js';
import type { LinkPorts } from './protect-link.js';
import type { ZipPorts } from './protect-zip.js';

export interface OfficeThemeInfo {
  readonly isDark: boolean;
  readonly background?: string;
  readonly foreground?: string;
}

/**
 * Everything the pane needs from Outlook and the backend. index.tsx wires it to src/office and
 * src/api-client; tests and the review logic see only this interface.
 */
export interface PaneGateway extends ZipPorts, LinkPorts, ApprovalPorts, PaneAuditPorts {
  whenOfficeReady(): Promise<void>;
  displayLanguage(): string;
  officeTheme(): OfficeThemeInfo | null;
  readSnapshot(): Promise<MessageSnapshot>;
  readConfirmedFingerprint(): Promise<string | null>;
  recordConfirmation(fingerprint: string): Promise<void>;
  /** A meeting the organiser composes: attendees instead of To and Cc, and no Bcc to move them to. */
  composingMeeting(): boolean;
  /** The pane may send the item itself: Mailbox 1.15 and a manifest with ReadWriteMailbox (docs/deploy.md). */
  canSendFromPane(): boolean;
  /** Mailbox 1.13: the send handler can hold the message (delaySend). */
  canHoldDelivery(): boolean;
  /** item.sendAsync; nothing after it is guaranteed to run, so everything else is done first. */
  sendItem(): Promise<void>;
  moveToBcc(addresses: readonly string[]): Promise<void>;
  removeRecipient(address: string, field: RecipientField): Promise<void>;
  /** Resolves to the unsubscribe function. */
  onItemChanged(listener: () => void): Promise<() => Promise<void>>;
  fetchPolicyDocument(): Promise<unknown>;
  readCachedPolicy(): Promise<unknown | null>;
  cachePolicy(document: unknown): Promise<void>;
  nowMs(): number;
  /**
   * The sender's history of outside addresses as this pane loaded it (roaming settings), pruned to `limits`;
   * null where there is none. The pane only reads it: the send handler records what was sent.
   */
  readRecipientHistory(limits: HistoryLimits): RecipientHistory | null;
  /** What the attachments handler and earlier pane runs found, as stored in the item. */
  readCachedInspections(): Promise<readonly AttachmentInspection[]>;
  /** Stores `update(current)` (fitted into its share of sessionData); resolves to what was stored. */
  updateInspectionCache(
    update: (current: readonly AttachmentInspection[]) => readonly AttachmentInspection[],
  ): Promise<readonly AttachmentInspection[]>;
  /** Reads and fully inspects one attachment. Never rejects: a failed read is `uninspectable` with the reason. */
  inspectAttachment(attachment: AttachmentSnapshot): Promise<AttachmentInspection>;
  /** What this pane protected earlier (ZIPs it made), as the send handler reads it. */
  readProtectionState(): Promise<ProtectionState>;
  /** A separate compose window, e.g. for a ZIP's password; the user sends it. */
  openNewMessage(form: NewMessageForm): void;
  /** The signed-in user's secure links, newest first. */
  myLinks(): Promise<readonly LinkSummary[]>;
}
