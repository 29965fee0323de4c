import type { ClassifiedRecipient } from '../classify.js';
import type { RecipientHistory } from '../history/recipient-history.js';
import type {
  Finding,
  FindingKey,
  FindingTarget,
  InspectionSummary,
  MessageParams,
  MessageSnapshot,
  Policy,
  ProtectionState,
  RuleId,
  Severity,
} from '../types.js';
import { keptPer } from '../remembered.js';

export interface RuleInput {
  readonly snapshot: MessageSnapshot;
  readonly policy: Policy;
  /** Every recipient, classified once (see classify.ts). */
  readonly recipients: readonly ClassifiedRecipient[];
  /** What content inspection found; absent when nothing was inspected. */
  readonly inspection?: InspectionSummary;
  /** What the review pane protected; absent when nothing was. */
  readonly protection?: ProtectionState;
  /** The sender's history of outside addresses; absent when the host has none. */
  readonly history?: RecipientHistory;
}

/** A rule looks at the classified message and says what it found; it never decides. */
export type Rule = (input: RuleInput) => Finding[];

export function makeFinding(
  rule: RuleId,
  key: string,
  severity: Severity,
  targets: readonly FindingTarget[],
  messageKey: FindingKey,
  params: MessageParams,
): Finding {
  return { id: `${rule}:${key}`, rule, severity, targets, messageKey, params };
}

export function recipientTarget(entry: ClassifiedRecipient): FindingTarget {
  return entry.target;
}

/**
 * The targets of a group of recipients, kept per group: the groups of `externalByDomain` come back as the
 * same arrays for the same recipients (classify.ts), so the pane's evaluation at every change makes none anew.
 */
export const targetsOf: (members: readonly ClassifiedRecipient[]) => readonly FindingTarget[] = keptPer((members) =>
  members.map(recipientTarget),
);

/** What to call a recipient in a message: its address, or its display name when it has none. */
export function recipientLabel(entry: ClassifiedRecipient): string {
  const address = entry.recipient.address.trim();
  return address !== '' ? address : (entry.recipient.name ?? '').trim();
}

/** Recipients grouped by `keyOf` in order of first appearance; those it gives null are left out. */
export function groupRecipients(
  recipients: readonly ClassifiedRecipient[],
  keyOf: (entry: ClassifiedRecipient) => string | null,
): Map<string, ClassifiedRecipient[]> {
  const groups = new Map<string, ClassifiedRecipient[]>();
  for (const entry of recipients) {
    const key = keyOf(entry);
    if (key === null) continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [entry]);
    else group.push(entry);
  }
  return groups;
}

/** Recipients with a valid domain, grouped by it in order of first appearance. */
export function groupByDomain(recipients: readonly ClassifiedRecipient[]): Map<string, ClassifiedRecipient[]> {
  return groupRecipients(recipients, (entry) => entry.domain);
}

/**
 * The recipients at an outside domain, grouped as groupByDomain does: made once per evaluation and shared
 * by the rules that work per outside domain. Recipients come in To, Cc, Bcc order, so a domain anyone in
 * To or Cc has first appears at one of them. A list at an internal address that reaches outside is not
 * here: its domain is not an outside one (classify.ts `outsideDomains`).
 */
export const externalByDomain = keptPer((recipients: readonly ClassifiedRecipient[]): ReadonlyMap<string, readonly ClassifiedRecipient[]> =>
  groupByDomain(recipients.filter((entry) => !entry.internal)),
);
