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

/** What the send handler, the pane and the CLI all evaluate. See DESIGN.md "Snapshot JSON". */
export interface MessageSnapshot {
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
  'blocked-recipient',
  'attention-recipient',
  'keyword',
  'many-domains-visible',
  'new-domain',
  'attachment-to-external',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

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
  readonly messageKey: string;
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

/** What the caller knows that the message does not; time is passed in, never read. */
export interface EvaluationContext {
  readonly nowMs: number;
}

export type KeywordLocation = 'subject' | 'body' | 'attachment-name';

export interface KeywordRule {
  readonly term: string;
  readonly action: 'warn' | 'block';
  readonly where: readonly KeywordLocation[];
}

/** The organisation's policy after parsing: every key present, every domain lower-case ASCII (punycode). */
export interface Policy {
  readonly version: 1;
  readonly internalDomains: readonly string[];
  readonly trustedDomains: readonly string[];
  /** Addresses (`a@b.jp`) or domains (`b.jp`, covering subdomains): sending to them is refused. */
  readonly blockedRecipients: readonly string[];
  /** Addresses or domains that always need a second look. */
  readonly attentionRecipients: readonly string[];
  /** Addresses or glob patterns (`*` only, e.g. `*-all@example.co.jp`) that are lists. */
  readonly mailingLists: readonly string[];
  readonly keywords: readonly KeywordRule[];
  /** Distinct external domains visible in To+Cc from which moving them to Bcc is suggested; 0 turns it off. */
  readonly bccSuggestThreshold: number;
  /** When true, internal-only mail is confirmed too. */
  readonly confirmInternalOnly: boolean;
  /** What happens when the check itself fails (timeout, Office error, no policy). */
  readonly onError: 'block' | 'allow';
  /** Per-rule severity overrides; every rule has a default. */
  readonly severities: Readonly<Record<RuleId, Severity>>;
}

export interface PolicyProblem {
  /** JSON path of the bad field, e.g. `$.internalDomains[2]`. */
  readonly path: string;
  readonly message: string;
}

export type PolicyParseResult =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] };
