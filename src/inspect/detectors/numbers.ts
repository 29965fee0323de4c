import { digitScan, wholeNumbers } from '../digit-scan.js';
import type { NormalizedText } from '../normalize.js';

/** A number as written: its span in the normalised text, its digits, and how they were grouped. */
export interface WrittenNumber {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
  /** Digits per group, e.g. [4, 4, 4]; one entry for an ungrouped number. */
  readonly groups: readonly number[];
}

/** Which numbers a detector wants, told from their digit and group counts before any is built. */
export type NumberShape = (digitCount: number, groupCount: number) => boolean;

/**
 * Every way a whole number of the wanted shape appears, in text order (by start, then end): each run that
 * no hyphen ties to a neighbour, and each maximal chain of two or more runs joined by one and the same
 * separator. Numbers never start or end inside a run, nor inside a chain, so `12345678901234` never
 * yields a 12-digit My Number.
 */
export function numbersIn(input: NormalizedText, wanted: NumberShape): WrittenNumber[] {
  const scan = digitScan(input);
  const { firsts, lasts, digitCounts } = wholeNumbers(scan);
  const numbers: WrittenNumber[] = [];
  for (let index = 0; index < firsts.length; index += 1) {
    const first = firsts[index] ?? 0;
    const last = lasts[index] ?? 0;
    if (wanted(digitCounts[index] ?? 0, last - first + 1)) numbers.push(chain(scan.text, scan.starts, scan.ends, first, last));
  }
  return numbers;
}

function chain(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>, first: number, last: number): WrittenNumber {
  let digits = '';
  const groups: number[] = [];
  for (let run = first; run <= last; run += 1) {
    const start = starts[run] ?? 0;
    const end = ends[run] ?? 0;
    digits += text.slice(start, end);
    groups.push(end - start);
  }
  return { start: starts[first] ?? 0, end: ends[last] ?? 0, digits, groups };
}

export function hasGroups(number: WrittenNumber, groups: readonly number[]): boolean {
  return number.groups.length === groups.length && groups.every((size, index) => number.groups[index] === size);
}
