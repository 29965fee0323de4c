import type { FindingKey } from '../i18n/tables/findings.js';
import type { PolicyProblemCode } from '../i18n/tables/policy-problems.js';
import type { RecipientHistory } from './history/recipient-history.js';

export type { FindingKey } from '../i18n/tables/findings.js';
export type { PolicyProblemCode } from '../i18n/tables/policy-problems.js';

/** Outlook's recipientType. Clients disagree on it, so rules never trust it alone. */
export type RecipientType = 'user' | 'externalUser' | 'distributionList' | 'other';

export type RecipientField = 'to' | 'cc' | 'bcc';

export interface Person {
  readonly address: string;
  readonly name?: string;
}

export interface Recipient extends Person {
  readonly type?: RecipientType;
}

export interface AttachmentSnapshot {
  /** Office attachment id; absent in snapshots read from files. */
  readonly id?: string;
  readonly name: string;
  readonly size: number;
  readonly inline: boolean;
  readonly contentBase64?: string;
}

/** What the send handler, the pane and the CLI all evaluate. See docs/cli.md "snapshot". */
export interface MessageSnapshot {
  /** A meeting request the organiser sends; absent for a message. Attendees always see each other. */
  readonly kind?: 'meeting';
  readonly from?: Person;
  readonly to: readonly Recipient[];
  readonly cc: readonly Recipient[];
  readonly bcc: readonly Recipient[];
  /** Recipients when the compose window opened (reply/forward); absent for a new message. */
  readonly originalRecipients?: readonly Person[];
  readonly subject: string;
  readonly body: string;
  readonly attachments: readonly AttachmentSnapshot[];
}

export type Decision = 'allow' | 'confirm' | 'block';

/** How much a finding weighs: `info` is shown only, `confirm` must be ticked, `block` refuses the send. */
export type Severity = 'info' | 'confirm' | 'block';

export const RULE_IDS = [
  'external-recipient',
  'mailing-list',
  'unresolved-recipient',
  'lookalike-domain',
  'display-name-spoof',
  'same-name-outside',
  'blocked-recipient',
  'attention-recipient',
  'keyword',
  'many-domains-visible',
  'new-domain',
  'first-time-recipient',
  'personal-mail-domain',
  'attachment-to-external',
  'personal-data',
  'encrypted-attachment',
  'uninspectable-attachment',
  'attachment-mismatch',
  'unprotected-attachment',
  'approval-required',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/**
 * Rules whose severity is set by their own policy keys (personalData, encryptedAttachments,
 * uninspectableAttachments, attachments.protection.onUnprotected, approval).
 */
export const SELF_CONFIGURED_RULES = [
  'personal-data',
  'encrypted-attachment',
  'uninspectable-attachment',
  'unprotected-attachment',
  'approval-required',
] as const;

/** Rules whose severity comes from `severities`. */
export type SeverityRuleId = Exclude<RuleId, (typeof SELF_CONFIGURED_RULES)[number]>;

/** What a finding is about, so the pane can show it next to the right row. */
export type FindingTarget =
  | { readonly kind: 'recipient'; readonly address: string; readonly field: RecipientField }
  | { readonly kind: 'domain'; readonly domain: string }
  | { readonly kind: 'attachment'; readonly name: string; readonly size: number }
  | { readonly kind: 'message'; readonly part: 'subject' | 'body' };

export type MessageParams = Readonly<Record<string, string | number>>;

export interface Finding {
  /** Stable within one verdict and across re-evaluations of the same content. */
  readonly id: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly targets: readonly FindingTarget[];
  /** Key into the string tables (src/i18n) and the values it interpolates. */
  readonly messageKey: FindingKey;
  readonly params: MessageParams;
}

export type ChecklistItem =
  | {
      readonly id: string;
      readonly kind: 'recipient';
      readonly address: string;
      readonly name?: string;
      readonly field: RecipientField;
      readonly domain: string;
      readonly external: boolean;
      /** A list that counts as outside: the outside domains it reaches ([] when not known); see classify.ts. */
      readonly outsideDomains?: readonly string[];
      readonly findingIds: readonly string[];
    }
  | {
      /** confirmPer "domain": one tick for every outside recipient of the domain. */
      readonly id: string;
      readonly kind: 'domain';
      readonly domain: string;
      readonly recipients: readonly { readonly address: string; readonly name?: string; readonly field: RecipientField }[];
      readonly findingIds: readonly string[];
    }
  | {
      readonly id: string;
      readonly kind: 'attachment';
      readonly name: string;
      readonly size: number;
      readonly findingIds: readonly string[];
    }
  | {
      readonly id: string;
      readonly kind: 'finding';
      readonly findingId: string;
    };

export type SuggestedAction =
  | { readonly kind: 'move-to-bcc'; readonly addresses: readonly string[] }
  | { readonly kind: 'remove-recipient'; readonly address: string; readonly field: RecipientField };

export interface Verdict {
  readonly decision: Decision;
  readonly findings: readonly Finding[];
  /** Every item the user must tick before the send may go. Empty when decision is not `confirm`. */
  readonly checklist: readonly ChecklistItem[];
  readonly actions: readonly SuggestedAction[];
  /** Hash of exactly what a confirmation covers: recipients, attachment names+sizes, finding ids. */
  readonly fingerprint: string;
}

/**
 * What the caller knows that the message does not. No clock: nothing in a verdict depends on the time
 * (an approval's expiry is checked by the host before it becomes an ApprovalGrant).
 */
export interface EvaluationContext {
  /** What content inspection found (src/inspect summarizeInspection); absent = nothing inspected, which blocks nothing. */
  readonly inspection?: InspectionSummary;
  /** What the review pane protected (sessionData `preflight.protection`); absent = nothing protected. */
  readonly protection?: ProtectionState;
  /** A supervisor's approval the host verified for this message (src/policy/approval.ts); absent = none. */
  readonly approval?: ApprovalGrant;
  /** The sender's history of outside addresses (roaming settings); absent = unknown, so nobody is called new. */
  readonly history?: RecipientHistory;
}

/** A verified approval: who approved. The host checks the signature; the core only trusts it. */
export interface ApprovalGrant {
  readonly approver: string;
}

/** The personal-data kinds src/inspect detects; the order findings come out in. */
export const PERSONAL_DATA_KINDS = [
  'my-number',
  'corporate-number',
  'payment-card',
  'phone',
  'postal-code',
  'address',
  'email',
  'bank-account',
] as const;

export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** Matches of one kind in one location. Samples are masked by the detectors (`1234 **** 9018`), never full values. */
export interface PersonalDataTally {
  readonly kind: PersonalDataKind;
  /** Matches backed by a checksum with context or layout. */
  readonly high: number;
  /** Matches of the format alone. */
  readonly low: number;
  /** Distinct masked samples of high-confidence matches, at most the summary's sample cap. */
  readonly highSamples: readonly string[];
  readonly lowSamples: readonly string[];
  /** Where inside an attachment the matches are (`sheet:名簿`, `body`, `entry:a/b.csv`), distinct, capped. */
  readonly parts: readonly string[];
}

export interface TextInspection {
  /** Only kinds with at least one match, in PERSONAL_DATA_KINDS order. */
  readonly personalData: readonly PersonalDataTally[];
}

/**
 * `inspected`: every part was read; `encrypted`: password-protected (a password ZIP is the PPAP pattern);
 * `uninspectable`: could not be read, or only partly (`reason` says why); `pending`: not read within the budget.
 */
export type AttachmentInspectionStatus = 'inspected' | 'encrypted' | 'uninspectable' | 'pending';

/** A member of a container attachment that was not read. */
export interface UnreadMember {
  readonly where: string;
  readonly status: 'encrypted' | 'uninspectable';
  readonly reason: string;
}

export interface AttachmentInspection extends TextInspection {
  readonly name: string;
  readonly size: number;
  readonly status: AttachmentInspectionStatus;
  /** Why it is encrypted or uninspectable (`zip-encrypted`, `limit:total-bytes`, `corrupt`, …); empty otherwise. */
  readonly reason: string;
  readonly unread: readonly UnreadMember[];
}

/**
 * What content inspection found, per location. It is data, not code, so the policy core never imports
 * src/inspect. A location that is absent was not inspected.
 */
export interface InspectionSummary {
  readonly subject?: TextInspection;
  readonly body?: TextInspection;
  /** By name and size, as in the snapshot; an attachment of the snapshot missing here counts as pending. */
  readonly attachments: readonly AttachmentInspection[];
}

export type KeywordLocation = 'subject' | 'body' | 'attachment-name';

export interface KeywordRule {
  readonly term: string;
  readonly action: 'warn' | 'block';
  readonly where: readonly KeywordLocation[];
}

/** Which mail a personal-data threshold applies to: `external` once any recipient is external. */
export type RecipientClass = 'internal' | 'external' | 'any';

export interface PersonalDataThreshold {
  readonly kind: PersonalDataKind;
  readonly recipients: RecipientClass;
  /** Matches in one location (subject, body, one attachment) from which the action applies. */
  readonly atLeast: number;
  readonly action: Severity;
  /** `high` counts only matches backed by context or layout; `any` counts format-only matches too. */
  readonly confidence: 'high' | 'any';
}

/** What to do with an attachment Preflight cannot look into; `allow` reports nothing. */
export type AttachmentAction = 'allow' | Severity;

/** An organisation the company deals with, for attachment-mismatch. */
export interface Partner {
  readonly name: string;
  /** Other ways of writing the name; matched like keywords (NFKC, case-insensitive). */
  readonly aliases: readonly string[];
  /** Lower-case ASCII; each covers its subdomains. */
  readonly domains: readonly string[];
}

/**
 * A `mailingLists` entry: a recipient-list entry (docs/policy.md "Recipient lists"), trimmed, or a list
 * whose members include outside domains (lower-case ASCII), which makes mail to it go outside.
 */
export type MailingListEntry = string | { readonly address: string; readonly externalDomains: readonly string[] };

export type UnknownLists = 'confirm' | 'treat-as-external';

/** The organisation's policy after parsing: every key present, every domain lower-case ASCII (punycode). */
export interface Policy {
  readonly version: 1;
  readonly internalDomains: readonly string[];
  readonly trustedDomains: readonly string[];
  /** Addresses (`a@b.jp`) or domains (`b.jp`, covering subdomains): sending to them is refused. */
  readonly blockedRecipients: readonly string[];
  /** Addresses or domains that always need a second look. */
  readonly attentionRecipients: readonly string[];
  /** Lists, each a recipient-list entry as written, or one with members at outside domains. */
  readonly mailingLists: readonly MailingListEntry[];
  /** A recipient Outlook types as a list that mailingLists does not name: confirmed, or counted as outside. */
  readonly unknownLists: UnknownLists;
  readonly keywords: readonly KeywordRule[];
  /** Distinct external domains visible in To+Cc from which moving them to Bcc is suggested; 0 turns it off. */
  readonly bccSuggestThreshold: number;
  /** When true, internal-only mail is confirmed too. */
  readonly confirmInternalOnly: boolean;
  /** What happens when the check itself fails (timeout, Office error, no policy). */
  readonly onError: 'block' | 'allow';
  /** Per-rule severity overrides; every rule configured here has a default. */
  readonly severities: Readonly<Record<SeverityRuleId, Severity>>;
  /** Free-mail and carrier domains (src/policy/personal-mail/) with the policy's changes; docs/policy.md "Personal mail domains". */
  readonly personalMailDomains: PersonalMailDomainsPolicy;
  /** The sender's history of outside addresses, for first-time-recipient; docs/policy.md "First-time recipients". */
  readonly recipientHistory: RecipientHistoryPolicy;
  /** Thresholds per personal-data kind and recipient class. */
  readonly personalData: readonly PersonalDataThreshold[];
  readonly encryptedAttachments: AttachmentAction;
  readonly uninspectableAttachments: AttachmentAction;
  readonly partners: readonly Partner[];
  readonly attachments: { readonly protection: ProtectionPolicy };
  /** Low-risk mail confirmed by Send Anyway in the Smart Alerts dialog (Mailbox 1.14) instead of the pane. */
  readonly dialogConfirm: DialogConfirmPolicy;
  /** One tick per outside recipient, or one per outside domain covering its recipients. */
  readonly confirmPer: ConfirmPer;
  /** When too many outside domains see each other: suggest moving them to Bcc, or move them at Send. */
  readonly bccAction: BccAction;
  /** Hold allowed sends for a few minutes so they can still be cancelled (Mailbox 1.13). */
  readonly delaySend: DelaySendPolicy;
  /** Addresses always added to Bcc (a supervisor, an archive), outside what the user confirms. */
  readonly autoBcc: AutoBccPolicy;
  /** Supervisor approval before certain mail may go (docs/approval.md); null = never asked. */
  readonly approval: ApprovalPolicy | null;
  /** What the server keeps of each decision (docs/admin.md): never content. */
  readonly audit: AuditPolicy;
}

/** Outside domains in audit events: as they are, as an HMAC under a server key, or not at all. */
export type AuditDomains = 'plain' | 'hashed' | 'none';

export interface AuditPolicy {
  readonly domains: AuditDomains;
  readonly retentionDays: number;
}

/**
 * When approval is needed: the message is in `recipients` scope and, if any trigger is set, at least one
 * trigger holds. With no trigger set, every message in scope needs it.
 */
export interface ApprovalTriggers {
  readonly recipients: ControlScope;
  /** A finding of any of these rules, whatever its severity. */
  readonly rules: readonly RuleId[];
  /** Personal data of any of these kinds found anywhere in the message. */
  readonly personalData: readonly PersonalDataKind[];
  /** An attachment (not inline) goes to an outside recipient. */
  readonly attachmentsOutside: boolean;
  /** At least this many distinct outside domains; 0 turns the trigger off. */
  readonly minOutsideDomains: number;
}

/** Senders (addresses, `*` patterns or domains, normalised) whose mail these approvers approve. */
export interface ApproverRoute {
  readonly senders: readonly string[];
  readonly approvers: readonly string[];
}

export interface ApprovalPolicy {
  readonly when: ApprovalTriggers;
  /** The first route whose senders match the sender decides; defaultApprovers otherwise. */
  readonly approvers: readonly ApproverRoute[];
  readonly defaultApprovers: readonly string[];
  readonly expiresHours: number;
  /** Whether the approver sees the message itself (subject, body, attachments) or only its summary. */
  readonly includeContent: boolean;
}

export type BccAction = 'suggest' | 'move';

/** `external`: when any recipient is outside the organisation; `always`: on every send. */
export type ControlScope = 'external' | 'always';

export interface DelaySendPolicy {
  /** 0 turns the hold off. */
  readonly minutes: number;
  readonly when: ControlScope;
}

export interface AutoBccPolicy {
  /** Normalised addresses; empty turns it off. */
  readonly addresses: readonly string[];
  readonly when: ControlScope;
}

export type ConfirmPer = 'recipient' | 'domain';

export interface DialogConfirmPolicy {
  /** Rules whose findings may be confirmed in the dialog; a confirm verdict with any other goes to the pane. */
  readonly rules: readonly RuleId[];
  /** Only when every outside recipient is within trustedDomains. */
  readonly trustedDomainsOnly: boolean;
  /** At most this many outside recipients; 0 turns dialog confirmation off. */
  readonly maxExternalRecipients: number;
}

export interface PolicyProblem {
  /** JSON path of the bad field, e.g. `$.internalDomains[2]`. */
  readonly path: string;
  /** English, for logs and for clients that do not know the code. */
  readonly message: string;
  /** Stable (docs/policy.md, "Problem codes"); also the string-table key of its text, filled by params. */
  readonly code: PolicyProblemCode;
  readonly params?: MessageParams;
}

export type PolicyParseResult =
  { readonly ok: true; readonly policy: Policy } | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

/** How attachments must leave for one recipient class: as they are, in a Preflight ZIP (or a link), or as a link. */
export type ProtectionMode = 'none' | 'zip' | 'link';

export interface ProtectionPolicy {
  readonly internal: ProtectionMode;
  readonly external: ProtectionMode;
  /** Severity of unprotected-attachment. */
  readonly onUnprotected: Severity;
  /** Whether the user may pick legacy ZipCrypto (weak; opens in Windows Explorer) instead of AES-256. */
  readonly allowZipCrypto: boolean;
  readonly zip: { readonly maxTotalBytes: number };
  readonly link: {
    readonly maxTotalBytes: number;
    readonly expiryDays: number;
    readonly maxDownloads: number;
    readonly requireCode: boolean;
  };
}

/**
 * How a protected ZIP is encrypted (docs/protection.md): AES-256, or ZipCrypto where the policy allows it.
 * Here, below src/protocol, because the protection record on the item names it too; src/protocol passes it on.
 */
export const ZIP_METHODS = ['aes256', 'zipcrypto'] as const;
export type ZipMethod = (typeof ZIP_METHODS)[number];

export function isZipMethod(value: unknown): value is ZipMethod {
  return (ZIP_METHODS as readonly unknown[]).includes(value);
}

/** A ZIP the review pane added, as Outlook reports it (the handler matches attachments by name and size). */
export interface ProtectedZip {
  readonly name: string;
  readonly size: number;
  readonly method: ZipMethod;
  /**
   * What inspection found in the files the ZIP holds, together (src/taskpane/protect-zip.ts). It stands for
   * the ZIP at Send instead of the inspection cache's entry, which can be evicted or overwritten and would
   * then read the ZIP as encrypted with nothing found. Absent in records made before it was kept.
   */
  readonly inspection?: AttachmentInspection;
}

export interface ProtectedLink {
  readonly packageId: string;
  readonly files: number;
}

/** What the review pane protected in this message (sessionData `preflight.protection`). */
export interface ProtectionState {
  readonly zips: readonly ProtectedZip[];
  readonly links: readonly ProtectedLink[];
}

export interface PersonalMailDomainsPolicy {
  /** ASCII domains added to the built-in list, each with its subdomains. */
  readonly add: readonly string[];
  /** ASCII domains taken out, with their subdomains. */
  readonly remove: readonly string[];
  /** What mail to a personal mailbox gets when it carries a file or personal data. */
  readonly withAttachments: 'confirm' | 'block';
}

export interface RecipientHistoryPolicy {
  /** Off: the history is neither asked nor kept. */
  readonly enabled: boolean;
  /** An address last written to longer ago than this is new again. */
  readonly days: number;
  /** At most this many addresses are kept, most recent first. */
  readonly maxEntries: number;
}
