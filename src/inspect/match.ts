import type { NormalizedText } from './normalize.js';

export type PersonalDataKind =
  'payment-card' | 'my-number' | 'corporate-number' | 'bank-account' | 'phone' | 'postal-code' | 'address' | 'email';

/** `term` and `pattern` are the organisation's own keywords and patterns (see custom/custom-rules.ts). */
export type MatchKind = PersonalDataKind | 'term' | 'pattern';

/** `high`: the checksum or format is backed by context or layout; `low`: the format alone. */
export type Confidence = 'high' | 'low';

/**
 * One finding in a text. It never carries the full value: `masked` is what may be shown or logged, and a
 * caller that holds the text can slice `start`/`end` itself (e.g. to highlight it).
 */
export interface Match {
  readonly kind: MatchKind;
  /** Start in the original (not normalised) text, UTF-16 code units. */
  readonly start: number;
  /** End (exclusive) in the original text. */
  readonly end: number;
  readonly masked: string;
  readonly confidence: Confidence;
  /** For `term` and `pattern`: the index of the term or pattern in the list it was compiled from. */
  readonly ruleIndex?: number;
}

export type Detector = (input: NormalizedText) => Match[];

/** A match still in normalised coordinates, as detectors find it. */
export interface Candidate {
  readonly kind: MatchKind;
  readonly start: number;
  readonly end: number;
  readonly masked: string;
  readonly confidence: Confidence;
  readonly ruleIndex?: number;
}

export function toMatch(input: NormalizedText, candidate: Candidate): Match {
  const match = matchAt(input, candidate.kind, candidate.start, candidate.end, candidate.masked, candidate.confidence);
  return candidate.ruleIndex === undefined ? match : { ...match, ruleIndex: candidate.ruleIndex };
}

/**
 * The match found at `start`–`end` of the normalised text, without a candidate first: a detector that
 * finds half a million of them (a sheet's addresses, docs/benchmarks.md) spares as many objects.
 */
export function matchAt(input: NormalizedText, kind: MatchKind, start: number, end: number, masked: string, confidence: Confidence): Match {
  const span = input.toOriginalSpan(start, end);
  return { kind, start: span.start, end: span.end, masked, confidence };
}

export function toMatches(input: NormalizedText, candidates: readonly Candidate[]): Match[] {
  return candidates.map((candidate) => toMatch(input, candidate));
}
