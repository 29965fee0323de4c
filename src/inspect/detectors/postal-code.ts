import { isDigitAt } from '../digit-runs.js';
import { maskDigits } from '../mask.js';
import { toMatches, type Candidate, type Match } from '../match.js';
import type { NormalizedText } from '../normalize.js';
import { prefectureAt } from './prefectures.js';

// A bare `123-4567` is too ambiguous (docs/inspection.md, "Detectors"): a postal code needs 〒, 郵便番号, or a prefecture after it.

const MARKERS: readonly string[] = ['〒', '郵便番号'];
const MAX_GAP = 3;

/** `ddd-dddd` or `ddddddd` at `at`; returns its end, or -1. */
function readCode(text: string, at: number): number {
  let index = at;
  for (let count = 0; count < 3; count += 1, index += 1) if (!isDigitAt(text, index)) return -1;
  if (text.charAt(index) === '-') index += 1;
  for (let count = 0; count < 4; count += 1, index += 1) if (!isDigitAt(text, index)) return -1;
  if (isDigitAt(text, index) || (text.charAt(index) === '-' && isDigitAt(text, index + 1))) return -1;
  return index;
}

function skipGap(text: string, from: number): number {
  let index = from;
  while (index < text.length && index - from < MAX_GAP && (text.charAt(index) === ' ' || text.charAt(index) === ':')) {
    index += 1;
  }
  return index;
}

function candidate(text: string, start: number, end: number): Candidate {
  return { kind: 'postal-code', start, end, masked: maskDigits(text.slice(start, end).replace('-', '')), confidence: 'high' };
}

function afterMarkers(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const marker of MARKERS) {
    let at = text.indexOf(marker);
    while (at >= 0) {
      const start = skipGap(text, at + marker.length);
      const end = readCode(text, start);
      if (end >= 0) found.push(candidate(text, start, end));
      at = text.indexOf(marker, at + marker.length);
    }
  }
  return found;
}

function beforePrefectures(text: string): Candidate[] {
  const found: Candidate[] = [];
  let at = text.indexOf('-');
  while (at >= 0) {
    const start = at - 3;
    const startsCleanly = start >= 0 && !isDigitAt(text, start - 1) && !(text.charAt(start - 1) === '-' && isDigitAt(text, start - 2));
    const end = startsCleanly ? readCode(text, start) : -1;
    if (end >= 0 && prefectureAt(text, skipGap(text, end)) !== null) found.push(candidate(text, start, end));
    at = text.indexOf('-', at + 1);
  }
  return found;
}

/** Postal codes after 〒 or 郵便番号, or before a prefecture name; the span covers the digits only. */
export function detectPostalCodes(input: NormalizedText): Match[] {
  const byStart = new Map<number, Candidate>();
  for (const found of afterMarkers(input.text).concat(beforePrefectures(input.text))) byStart.set(found.start, found);
  const candidates = Array.from(byStart.values()).sort((left, right) => left.start - right.start);
  return toMatches(input, candidates);
}
