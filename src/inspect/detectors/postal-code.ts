import { digitScan, HYPHEN, isDigitAt, joinAfter } from '../digit-scan.js';
import { maskDigits } from '../mask.js';
import { toMatches, type Candidate, type Match } from '../match.js';
import type { NormalizedText } from '../normalize.js';
import { prefectureAt } from './prefectures.js';

// A bare `123-4567` is too ambiguous (docs/inspection.md, "Detectors"): a postal code needs 〒, 郵便番号, or a prefecture after it.

const MARKERS: readonly string[] = ['〒', '郵便番号'];
const MAX_GAP = 3;

/** `ddd-dddd` or `ddddddd` at `at`; returns its end, or -1. */
export function readCode(text: string, at: number): number {
  let index = at;
  for (let count = 0; count < 3; count += 1, index += 1) if (!isDigitAt(text, index)) return -1;
  if (text.charAt(index) === '-') index += 1;
  for (let count = 0; count < 4; count += 1, index += 1) if (!isDigitAt(text, index)) return -1;
  if (isDigitAt(text, index) || (text.charAt(index) === '-' && isDigitAt(text, index + 1))) return -1;
  return index;
}

export function skipGap(text: string, from: number): number {
  let index = from;
  while (index < text.length && index - from < MAX_GAP && (text.charAt(index) === ' ' || text.charAt(index) === ':')) {
    index += 1;
  }
  return index;
}

export function postalCandidate(text: string, start: number, end: number): Candidate {
  return { kind: 'postal-code', start, end, masked: maskDigits(text.slice(start, end).replace('-', '')), confidence: 'high' };
}

function isGap(unit: number): boolean {
  return unit === 0x20 || unit === 0x3a;
}

/** Whether a marker ends where skipping at most MAX_GAP spaces or colons before `start` leads. */
function followsMarker(text: string, start: number): boolean {
  for (let gap = 0; gap <= MAX_GAP && gap <= start; gap += 1) {
    if (gap > 0 && !isGap(text.charCodeAt(start - gap))) return false;
    for (const marker of MARKERS) {
      const at = start - gap - marker.length;
      if (at >= 0 && text.startsWith(marker, at)) return true;
    }
  }
  return false;
}

/**
 * Postal codes after 〒 or 郵便番号, or before a prefecture name; the span covers the digits only. A code
 * is a whole run of 7 digits, or of 3 and a hyphen and 4, so only runs of those lengths are read.
 */
export function detectPostalCodes(input: NormalizedText): Match[] {
  const scan = digitScan(input);
  const { text, starts, ends } = scan;
  const candidates: Candidate[] = [];
  for (let run = 0; run < starts.length; run += 1) {
    const start = starts[run] ?? 0;
    const length = (ends[run] ?? 0) - start;
    if (length !== 3 && length !== 7) continue;
    const end = readCode(text, start);
    if (end < 0) continue;
    // Before a prefecture only `ddd-dddd`, and not as the tail of a longer hyphenated number.
    const beforePrefecture = length === 3 && joinAfter(scan, run - 1) !== HYPHEN && prefectureAt(text, skipGap(text, end)) !== null;
    if (followsMarker(text, start) || beforePrefecture) candidates.push(postalCandidate(text, start, end));
  }
  return toMatches(input, candidates);
}
