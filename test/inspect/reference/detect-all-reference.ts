// detectAll as it was before the prefilter (docs/inspection.md, "Detectors"): the whole text normalised
// with the normaliser of that time, every detector over all of it (phones, postal codes and labelled
// accounts looked for as before the shared digit scan), overlaps resolved as src does. The property tests
// (detect-windows.test.ts) compare the prefiltered detectAll with this, finding for finding.
import { detectCustom, type CustomRules } from '../../../src/inspect/custom/custom-rules.js';
import { detectAddresses } from '../../../src/inspect/detectors/address.js';
import { detectCorporateNumbers } from '../../../src/inspect/detectors/corporate-number.js';
import { detectEmails } from '../../../src/inspect/detectors/email.js';
import { detectMyNumbers } from '../../../src/inspect/detectors/my-number.js';
import { detectPaymentCards } from '../../../src/inspect/detectors/payment-card.js';
import type { Detector, Match, MatchKind } from '../../../src/inspect/match.js';
import { PERSONAL_DATA_KINDS, resolveOverlaps, type DetectOptions } from '../../../src/inspect/detect-all.js';
import { normalizeWithMap } from './normalize-reference.js';
import { referenceDetectBankAccounts, referenceDetectPhones, referenceDetectPostalCodes } from './scans-reference.js';

/** The detectors in the order of PERSONAL_DATA_KINDS. */
const DETECTORS: readonly Detector[] = [
  detectPaymentCards,
  detectMyNumbers,
  detectCorporateNumbers,
  referenceDetectBankAccounts,
  referenceDetectPhones,
  referenceDetectPostalCodes,
  detectAddresses,
  detectEmails,
];

const KIND_ORDER: readonly MatchKind[] = [...PERSONAL_DATA_KINDS, 'term', 'pattern'];

function byPosition(left: Match, right: Match): number {
  const kinds = KIND_ORDER.indexOf(left.kind) - KIND_ORDER.indexOf(right.kind);
  return left.start - right.start || left.end - right.end || kinds || (left.ruleIndex ?? -1) - (right.ruleIndex ?? -1);
}

/**
 * Every personal-data match in `text` (original coordinates), overlaps resolved, in text order; then the
 * organisation's terms and patterns, which are never dropped for overlapping (each is its own finding).
 */
export function referenceDetectAll(text: string, options: DetectOptions = {}): Match[] {
  const input = normalizeWithMap(text);
  const kinds = options.kinds ?? PERSONAL_DATA_KINDS;
  const personal: Match[] = [];
  for (const [index, kind] of PERSONAL_DATA_KINDS.entries()) {
    const detector = DETECTORS[index];
    // A loop, not push(...found): a large sheet yields more matches than a call's arguments may hold.
    if (detector && kinds.indexOf(kind) >= 0) for (const match of detector(input)) personal.push(match);
  }
  const custom = options.custom ? detectCustom(input, options.custom) : [];
  return resolveOverlaps(personal).concat(custom).sort(byPosition);
}
