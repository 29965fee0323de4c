import { keptPer } from '../policy/index.js';
import { MappedText, type NormalizedText } from './normalize.js';

// Numbers in text are runs of ASCII digits (after normalisation), possibly grouped by single spaces or
// hyphens. Six detectors (My Number, corporate number, payment card, bank account, phone, postal code)
// start from the same runs, so one pass finds them per normalised text and each detector judges only the
// runs of its length and shape instead of walking the whole text again (docs/inspection.md, "Detectors").
// ES2016 has no lookbehind, so boundaries are checked here by hand.

const SPACE = 0x20;
export const HYPHEN = 0x2d;

export function isDigitAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  return unit >= 0x30 && unit <= 0x39;
}

/** The maximal digit runs of a text, in order: run `i` is `[starts[i], ends[i])`. */
export interface DigitScan {
  readonly text: string;
  readonly starts: ArrayLike<number>;
  readonly ends: ArrayLike<number>;
  /** Its whole numbers, found on first use (wholeNumbers). */
  numbers?: WholeNumbers;
}

/**
 * The whole numbers of a scan, told by their runs: number `i` spans runs `firsts[i]` to `lasts[i]`, which
 * hold `digitCounts[i]` digits. Four detectors ask for numbers of their own shapes in the same text
 * (detectors/numbers.ts), so the numbers are found once per scan and each detector only filters them.
 */
export interface WholeNumbers {
  readonly firsts: ArrayLike<number>;
  readonly lasts: ArrayLike<number>;
  readonly digitCounts: ArrayLike<number>;
  /** The numbers grouped by shape, found on first use in a large text (numbersByShape). */
  byShape?: NumbersByShape;
}

/**
 * A large text's whole numbers grouped by shape: the numbers of shape `key` (shapeKey) are
 * `order[starts[key]]` to `order[starts[key + 1] - 1]`, in text order; the last key holds every number
 * with more digits or groups than a key tells. Each of the four detectors that filter the numbers wants a
 * few shapes, and a sheet has 2.5 million numbers, nearly all of shapes none of them wants, so each reads
 * only its shapes instead of all the numbers (docs/benchmarks.md).
 */
export interface NumbersByShape {
  readonly order: ArrayLike<number>;
  readonly starts: ArrayLike<number>;
}

/** Shapes with up to this many digits and groups have keys of their own. */
export const SHAPE_DIGITS = 31;
export const SHAPE_GROUPS = 7;
/** The key of every larger shape, and the number of keys before it. */
export const OTHER_SHAPES = (SHAPE_DIGITS + 1) * (SHAPE_GROUPS + 1);

export function shapeKey(digitCount: number, groupCount: number): number {
  return digitCount <= SHAPE_DIGITS && groupCount <= SHAPE_GROUPS ? digitCount * (SHAPE_GROUPS + 1) + groupCount : OTHER_SHAPES;
}

/** What a typed list starts with; grow replaces it before the first value is written. */
const NO_VALUES = new Int32Array(0);

/**
 * Integers in a plain array, or for a long text in a typed array that doubles as it fills. A sheet's
 * text holds millions of runs: plain arrays of that size took longer to grow and to collect than the
 * scan took to find them. A typed array costs more to make than a plain one, though, which told on the
 * thousands of short windows of ordinary mail, so those keep plain arrays.
 */
class IntList {
  private readonly plain: number[] | null;
  private values = NO_VALUES;
  length = 0;

  constructor(large: boolean) {
    this.plain = large ? null : [];
  }

  push(value: number): void {
    if (this.plain !== null) {
      this.plain.push(value);
    } else {
      if (this.length === this.values.length) this.grow();
      this.values[this.length] = value;
    }
    this.length += 1;
  }

  /** Apart from push, which stays small enough to be inlined where it is called. */
  private grow(): void {
    const grown = new Int32Array(Math.max(1024, this.length * 2));
    grown.set(this.values);
    this.values = grown;
  }

  /** The values pushed: the plain array, or a view on the typed one. */
  view(): ArrayLike<number> {
    return this.plain ?? this.values.subarray(0, this.length);
  }
}

/** From this many units, a text's runs and numbers are kept in typed arrays (IntList). */
const LARGE_TEXT = 1 << 16;

/** Finds a run's first digit; the regex engine skips long text between runs faster than a loop of charCodeAt. */
const FIRST_DIGIT = /[0-9]/g;
/**
 * How far a loop looks for the next run before it asks the regex: in a sheet's text a run comes every
 * few units, and starting the regex three million times cost more than the loop.
 */
const NEAR = 12;

function scanDigits(text: string): DigitScan {
  const large = text.length >= LARGE_TEXT;
  const starts = new IntList(large);
  const ends = new IntList(large);
  const length = text.length;
  let index = 0;
  for (;;) {
    const near = Math.min(length, index + NEAR);
    while (index < near && !isDigitAt(text, index)) index += 1;
    if (index === near) {
      if (index >= length) break;
      FIRST_DIGIT.lastIndex = index;
      if (!FIRST_DIGIT.test(text)) break;
      index = FIRST_DIGIT.lastIndex - 1;
    }
    const start = index;
    index += 1;
    while (index < length && isDigitAt(text, index)) index += 1;
    starts.push(start);
    ends.push(index);
  }
  return { text, starts: starts.view(), ends: ends.view(), numbers: undefined };
}

// Kept on the texts normalizeWithMap makes; others are keyed weakly, so nothing outlives the caller's text.
const scanOf = keptPer((input: NormalizedText): DigitScan => scanDigits(input.text));

export function digitScan(input: NormalizedText): DigitScan {
  if (input instanceof MappedText) {
    input.digitScan ??= scanDigits(input.text);
    return input.digitScan;
  }
  return scanOf(input);
}

/** The separator (a space or hyphen unit) that ties run `run` to the next one, or 0. */
export function joinAfter(scan: DigitScan, run: number): number {
  return run < 0 ? 0 : separatorAfter(scan.text, scan.starts, scan.ends, run);
}

/** Whether some run is exactly `length` digits long, and starts with the digit `first` when that is given. */
export function hasRunOf(scan: DigitScan, length: number, first?: string): boolean {
  const { text, starts, ends } = scan;
  for (let run = 0; run < starts.length; run += 1) {
    const start = starts[run] ?? 0;
    if ((ends[run] ?? 0) - start === length && (first === undefined || text.charAt(start) === first)) return true;
  }
  return false;
}

/** The separator that ties run `run` to the next one, as joinAfter tells, from the scan's own arrays. */
function separatorAfter(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>, run: number): number {
  if (run + 1 >= starts.length) return 0;
  const end = ends[run] ?? 0;
  if ((starts[run + 1] ?? 0) !== end + 1) return 0;
  const between = text.charCodeAt(end);
  return between === SPACE || between === HYPHEN ? between : 0;
}

/** Each run that no hyphen ties to a neighbour, and each maximal chain of runs joined by one separator. */
function findWholeNumbers(scan: DigitScan): WholeNumbers {
  const { text, starts, ends } = scan;
  const large = text.length >= LARGE_TEXT;
  const firsts = new IntList(large);
  const lasts = new IntList(large);
  const digitCounts = new IntList(large);
  let joinBefore = 0;
  let join = separatorAfter(text, starts, ends, 0);
  for (let run = 0; run < starts.length; run += 1) {
    const start = starts[run] ?? 0;
    const end = ends[run] ?? 0;
    const joinNext = separatorAfter(text, starts, ends, run + 1);
    if (joinBefore !== HYPHEN && join !== HYPHEN) {
      firsts.push(run);
      lasts.push(run);
      digitCounts.push(end - start);
    }
    if (join !== 0 && join !== joinBefore) {
      let last = run + 1;
      let digitCount = end - start + (ends[last] ?? 0) - (starts[last] ?? 0);
      let after = joinNext;
      while (after === join) {
        last += 1;
        digitCount += (ends[last] ?? 0) - (starts[last] ?? 0);
        after = separatorAfter(text, starts, ends, last);
      }
      firsts.push(run);
      lasts.push(last);
      digitCounts.push(digitCount);
    }
    joinBefore = join;
    join = joinNext;
  }
  return { firsts: firsts.view(), lasts: lasts.view(), digitCounts: digitCounts.view() };
}

/** The whole numbers of a scan, in text order (by start, then end). */
export function wholeNumbers(scan: DigitScan): WholeNumbers {
  scan.numbers ??= findWholeNumbers(scan);
  return scan.numbers;
}

/** A counting sort of the numbers by shape key, which keeps each shape's numbers in text order. */
function groupByShape(numbers: WholeNumbers): NumbersByShape {
  const { firsts, lasts, digitCounts } = numbers;
  const keys = new Uint16Array(firsts.length);
  const starts = new Int32Array(OTHER_SHAPES + 2);
  for (let index = 0; index < firsts.length; index += 1) {
    const key = shapeKey(digitCounts[index] ?? 0, (lasts[index] ?? 0) - (firsts[index] ?? 0) + 1);
    keys[index] = key;
    starts[key + 1] = (starts[key + 1] ?? 0) + 1;
  }
  for (let key = 1; key < starts.length; key += 1) starts[key] = (starts[key] ?? 0) + (starts[key - 1] ?? 0);
  const next = starts.slice(0, OTHER_SHAPES + 1);
  const order = new Int32Array(firsts.length);
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index] ?? 0;
    order[next[key] ?? 0] = index;
    next[key] = (next[key] ?? 0) + 1;
  }
  return { order, starts };
}

/** The numbers of a scan grouped by shape; only large texts' scans are worth grouping. */
export function numbersByShape(scan: DigitScan): NumbersByShape | null {
  if (scan.text.length < LARGE_TEXT) return null;
  const numbers = wholeNumbers(scan);
  numbers.byShape ??= groupByShape(numbers);
  return numbers.byShape;
}
