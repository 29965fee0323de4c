import { keptPer } from '../policy/index.js';
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
import { detectionWindows, type TermTriggers } from './detection-windows.js';
import { normalizeWithMap } from './normalize.js';
import { sortedTogether } from './sorted-together.js';

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
/** Each kind's place in KIND_ORDER, looked up instead of searched: the sorts compare kinds very often. */
const KIND_RANK = new Map<MatchKind, number>(KIND_ORDER.map((kind, index) => [kind, index]));

export interface DetectOptions {
  /** Which personal-data detectors run; all when absent. */
  readonly kinds?: readonly PersonalDataKind[];
  /** The organisation's terms and patterns, from compileCustomRules. */
  readonly custom?: CustomRules;
}

function kindRank(kind: MatchKind): number {
  return KIND_RANK.get(kind) ?? -1;
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

/** The strongest matches of a cluster that do not overlap, in text order. */
function strongestApart(cluster: readonly Match[]): readonly Match[] {
  if (cluster.length === 1) return cluster;
  const kept: Match[] = [];
  for (const match of cluster.slice().sort(byStrength)) {
    if (kept.every((other) => match.end <= other.start || match.start >= other.end)) kept.push(match);
  }
  return kept.sort(byPosition);
}

/**
 * Keeps the strongest of every overlapping group, so a card number hides the My Number or phone inside
 * it. Matches are first split into clusters that overlap only among themselves, which keeps the greedy
 * choice cheap on texts with thousands of matches.
 */
export function resolveOverlaps(matches: readonly Match[]): Match[] {
  return resolveOrdered(matches.slice().sort(byPosition));
}

/** resolveOverlaps for matches already in byPosition order. */
function resolveOrdered(ordered: readonly Match[]): Match[] {
  const kept: Match[] = [];
  // One array for every cluster: its kept matches are copied out before it is emptied.
  const cluster: Match[] = [];
  let clusterEnd = -1;
  for (const match of ordered) {
    if (cluster.length > 0 && match.start >= clusterEnd) {
      if (cluster.length === 1) kept.push(cluster[0] as Match);
      else for (const match of strongestApart(cluster)) kept.push(match);
      cluster.length = 0;
    }
    cluster.push(match);
    clusterEnd = Math.max(clusterEnd, match.end);
  }
  for (const match of strongestApart(cluster)) kept.push(match);
  // Every match of a cluster starts before the next cluster's first, so the clusters' kept matches, each
  // in text order, are in text order together.
  return kept;
}

/** Where the policy's terms can start and how long the longest is, worked out once per compiled rules. */
const termTriggers = keptPer((rules: CustomRules): TermTriggers => {
  const firstUnits = new Set<number>();
  let longest = 0;
  rules.terms.forEach((term) => {
    firstUnits.add(term.charCodeAt(0));
    longest = Math.max(longest, term.length);
  });
  return { firstUnits, longest };
});

/**
 * The last position up to a limit that no match a detector found spans: the resolution of overlaps
 * before it never depends on matches after it (piece-detection.ts). Fed the detectors' matches in text
 * order, before overlaps are resolved.
 */
class LastGap {
  /** The furthest end of the matches seen that start before the limit. */
  private reach = 0;
  private gap = 0;
  constructor(private readonly limit: number) {}

  see(matches: readonly Match[]): void {
    for (const match of matches) {
      if (match.start >= this.limit) return;
      // Every match before this one ends by its start, and none after starts before it.
      if (match.start >= this.reach) this.gap = match.start;
      this.reach = Math.max(this.reach, match.end);
    }
  }

  result(): number {
    return this.reach <= this.limit ? this.limit : this.gap;
  }
}

function detectWith(text: string, options: DetectOptions, gaps: LastGap | null): Match[] {
  const kinds = options.kinds ?? PERSONAL_DATA_KINDS;
  const rules = options.custom;
  const termsInWindows = rules !== undefined && rules.patterns.size === 0;
  const plan = detectionWindows(text, termsInWindows && rules ? termTriggers(rules) : null);
  const wholeText = rules !== undefined && (!termsInWindows || plan.caseNeedsWholeText);
  const detectors = PERSONAL_DATA_KINDS.filter((kind) => kinds.indexOf(kind) >= 0).map((kind) => DETECTORS.get(kind));
  let personal: Match[] = [];
  let custom: Match[] = [];
  for (const window of plan.windows) {
    // Mapped back into `text` itself, so the matches need no shifting.
    const input = normalizeWithMap(text.slice(window.start, window.end), window.changes, window.start);
    const found: Match[][] = [];
    for (const detector of detectors) if (detector) found.push(detector(input));
    // Windows lie apart, so no match overlaps one of another window: each window is resolved alone, and
    // the windows' matches are in text order together. A loop, not push(...): a large sheet yields more
    // matches than a call's arguments may hold.
    const ordered = sortedTogether(found, byPosition);
    gaps?.see(ordered);
    const resolved = resolveOrdered(ordered);
    if (personal.length === 0) personal = resolved;
    else for (const match of resolved) personal.push(match);
    if (rules && !wholeText) for (const match of detectCustom(input, rules)) custom.push(match);
  }
  if (rules && wholeText) custom = detectCustom(normalizeWithMap(text), rules);
  return custom.length === 0 ? personal : personal.concat(custom).sort(byPosition);
}

/**
 * Every personal-data match in `text` (original coordinates), overlaps resolved, in text order; then the
 * organisation's terms and patterns, which are never dropped for overlapping (each is its own finding).
 * Only the windows around possible findings are normalised and scanned (detection-windows.ts); patterns,
 * which may match anywhere and budget their steps by the text's length, and terms in a text whose case
 * folding depends on all of it, see the whole text.
 */
export function detectAll(text: string, options: DetectOptions = {}): Match[] {
  return detectWith(text, options, null);
}

/** detectAll's personal data, and the last position up to `limit` that no match spans before overlaps are resolved. */
export function detectWithLastGap(
  text: string,
  kinds: readonly PersonalDataKind[] | undefined,
  limit: number,
): { readonly matches: Match[]; readonly lastGap: number } {
  const gaps = new LastGap(limit);
  const matches = detectWith(text, kinds === undefined ? {} : { kinds }, gaps);
  return { matches, lastGap: gaps.result() };
}
