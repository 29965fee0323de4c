// Audit events (docs/admin.md "Audit"): what a host reports of a decision, never content. The server's
// schemas refuse any other field, so a subject, body, file name or address has no place to travel in.

export const AUDIT_EVENT_KINDS = ['send', 'confirm', 'protect', 'approval-request', 'approval-decision', 'link'] as const;
export type AuditEventKind = (typeof AUDIT_EVENT_KINDS)[number];

/** What became of a Send (the handler's plan and how it ended), of a confirmation, of an approval. */
export const AUDIT_DECISIONS = [
  'allow',
  'confirmed',
  'dialog-confirm',
  'review',
  'block',
  'approval',
  'move-to-bcc',
  'error-allow',
  'error-block',
  'confirm',
  'zip',
  'link',
  'requested',
  'approved',
  'rejected',
] as const;
export type AuditDecision = (typeof AUDIT_DECISIONS)[number];

/** The most a batch may hold: the handler sends one or two, the pane a queue the handler left. */
export const MAX_AUDIT_BATCH = 50;

export interface AuditClient {
  /** Office.context.platform / diagnostics, e.g. `OfficeOnline`, `PC`, `Mac`. */
  readonly platform: string;
  /** The highest Mailbox requirement set the client supports, e.g. `1.15`. */
  readonly mailbox: string;
}

export interface AuditEventInput {
  readonly kind: AuditEventKind;
  /** When it happened on the client (ISO 8601); the server also keeps when it arrived. */
  readonly at: string;
  readonly client: AuditClient;
  /** The policy digest (12 hex digits, as in the X-Preflight header). */
  readonly policy?: string;
  readonly decision?: AuditDecision;
  /** Rule id → number of findings. */
  readonly rules?: Readonly<Record<string, number>>;
  /** Outside domains, kept as the policy's `audit.domains` says (plain, hashed or not at all). */
  readonly outsideDomains?: readonly string[];
  readonly durationMs?: number;
  /** For a confirmation: seconds from the pane showing the checklist to the last tick. */
  readonly confirmSeconds?: number;
}

export interface AuditBatch {
  readonly events: readonly AuditEventInput[];
}

/** The handler's batch: the mailbox's own address, which the server keeps marked as unverified. */
export interface HandlerAuditBatch extends AuditBatch {
  readonly mailbox: string;
}
