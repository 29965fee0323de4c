import {
  digitScan,
  numbersByShape,
  OTHER_SHAPES,
  SHAPE_GROUPS,
  wholeNumbers,
  type NumbersByShape,
  type WholeNumbers,
} from '../digit-scan.js';
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
  const whole = wholeNumbers(scan);
  const { firsts, lasts, digitCounts } = whole;
  const byShape = numbersByShape(scan);
  const numbers: WrittenNumber[] = [];
  if (byShape) {
    for (const index of wantedIndices(byShape, wanted, whole)) {
      numbers.push(chain(scan.text, scan.starts, scan.ends, firsts[index] ?? 0, lasts[index] ?? 0));
    }
    return numbers;
  }
  for (let index = 0; index < firsts.length; index += 1) {
    const first = firsts[index] ?? 0;
    const last = lasts[index] ?? 0;
    if (wanted(digitCounts[index] ?? 0, last - first + 1)) numbers.push(chain(scan.text, scan.starts, scan.ends, first, last));
  }
  return numbers;
}

/** The indices of the wanted numbers, in text order: those of the wanted shapes, and of larger shapes one by one. */
function wantedIndices(byShape: NumbersByShape, wanted: NumberShape, numbers: WholeNumbers): number[] {
  const { order, starts } = byShape;
  const indices: number[] = [];
  let ordered = true;
  for (let key = 0; key <= OTHER_SHAPES; key += 1) {
    const from = starts[key] ?? 0;
    const to = starts[key + 1] ?? 0;
    if (from === to) continue;
    const other = key === OTHER_SHAPES;
    if (!other && !wanted(Math.floor(key / (SHAPE_GROUPS + 1)), key % (SHAPE_GROUPS + 1))) continue;
    // Each shape's numbers are in text order; those of several shapes are sorted together below.
    if (indices.length > 0) ordered = false;
    for (let at = from; at < to; at += 1) {
      const index = order[at] ?? 0;
      const groupCount = (numbers.lasts[index] ?? 0) - (numbers.firsts[index] ?? 0) + 1;
      if (!other || wanted(numbers.digitCounts[index] ?? 0, groupCount)) indices.push(index);
    }
  }
  return ordered ? indices : indices.sort((left, right) => left - right);
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
