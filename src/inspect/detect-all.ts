import { detectCustom, type CustomRules } from './custom/custom-rules.js';
import { detectAddresses } from './detectors/address.js';
import { detectBankAccounts } from './detectors/bank-account.js';
import { detectCorporateNumbers } from './detectors/corporate-number.js';
import { detectEmails } from './detectors/email.js';
import { detectMyNumbers } from './detectors/my-number.js';
import { detectPaymentCards } from './detectors/payment-card.js';
import { detectPhones } from './detectors/phone.js';
import { detectPostalCodes } from './detectors/postal-code.js';
import type { Detector, Match, MatchKind, PersonalDataKind } from './match.js';
import { normalizeWithMap } from './normalize.js';

/** In the order that breaks ties between equally long matches: the more specific validation first. */
export const PERSONAL_DATA_KINDS: readonly PersonalDataKind[] = [
  'payment-card',
  'my-number',
  'corporate-number',
  'bank-account',
  'phone',
  'postal-code',
  'address',
  'email',
];

const DETECTORS = new Map<PersonalDataKind, Detector>([
  ['payment-card', detectPaymentCards],
  ['my-number', detectMyNumbers],
  ['corporate-number', detectCorporateNumbers],
  ['bank-account', detectBankAccounts],
  ['phone', detectPhones],
  ['postal-code', detectPostalCodes],
  ['address', detectAddresses],
  ['email', detectEmails],
]);

const KIND_ORDER: readonly MatchKind[] = [...PERSONAL_DATA_KINDS, 'term', 'pattern'];

export interface DetectOptions {
  /** Which personal-data detectors run; all when absent. */
  readonly kinds?: readonly PersonalDataKind[];
  /** The organisation's terms and patterns, from compileCustomRules. */
  readonly custom?: CustomRules;
}

function kindRank(kind: MatchKind): number {
  return KIND_ORDER.indexOf(kind);
}

function byPosition(left: Match, right: Match): number {
  return (
    left.start - right.start ||
    left.end - right.end ||
    kindRank(left.kind) - kindRank(right.kind) ||
    (left.ruleIndex ?? -1) - (right.ruleIndex ?? -1)
  );
}

/** Longest first; then high confidence; then the more specific kind; then leftmost. */
function byStrength(left: Match, right: Match): number {
  const length = right.end - right.start - (left.end - left.start);
  if (length !== 0) return length;
  if (left.confidence !== right.confidence) return left.confidence === 'high' ? -1 : 1;
  return kindRank(left.kind) - kindRank(right.kind) || left.start - right.start;
}

function strongestApart(cluster: readonly Match[]): Match[] {
  const kept: Match[] = [];
  for (const match of cluster.slice().sort(byStrength)) {
    if (kept.every((other) => match.end <= other.start || match.start >= other.end)) kept.push(match);
  }
  return kept;
}

/**
 * Keeps the strongest of every overlapping group, so a card number hides the My Number or phone inside
 * it. Matches are first split into clusters that overlap only among themselves, which keeps the greedy
 * choice cheap on texts with thousands of matches.
 */
export function resolveOverlaps(matches: readonly Match[]): Match[] {
  const ordered = matches.slice().sort(byPosition);
  const kept: Match[] = [];
  let cluster: Match[] = [];
  let clusterEnd = -1;
  for (const match of ordered) {
    if (cluster.length > 0 && match.start >= clusterEnd) {
      for (const match of strongestApart(cluster)) kept.push(match);
      cluster = [];
    }
    cluster.push(match);
    clusterEnd = Math.max(clusterEnd, match.end);
  }
  for (const match of strongestApart(cluster)) kept.push(match);
  return kept.sort(byPosition);
}

/**
 * Every personal-data match in `text` (original coordinates), overlaps resolved, in text order; then the
 * organisation's terms and patterns, which are never dropped for overlapping (each is its own finding).
 */
export function detectAll(text: string, options: DetectOptions = {}): Match[] {
  const input = normalizeWithMap(text);
  const kinds = options.kinds ?? PERSONAL_DATA_KINDS;
  const personal: Match[] = [];
  for (const kind of PERSONAL_DATA_KINDS) {
    const detector = DETECTORS.get(kind);
    // A loop, not push(...found): a large sheet yields more matches than a call's arguments may hold.
    if (detector && kinds.indexOf(kind) >= 0) for (const match of detector(input)) personal.push(match);
  }
  const custom = options.custom ? detectCustom(input, options.custom) : [];
  return resolveOverlaps(personal).concat(custom).sort(byPosition);
}
