import { digitChains, digitRuns, isHyphenJoined, runLength, type DigitChain, type DigitRun } from '../digit-runs.js';
import type { NormalizedText } from '../normalize.js';

/** A number as written: its span in the normalised text, its digits, and how they were grouped. */
export interface WrittenNumber {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
  /** Digits per group, e.g. [4, 4, 4]; one entry for an ungrouped number. */
  readonly groups: readonly number[];
}

function fromRun(text: string, run: DigitRun): WrittenNumber {
  return { start: run.start, end: run.end, digits: text.slice(run.start, run.end), groups: [runLength(run)] };
}

function fromChain(text: string, chain: DigitChain): WrittenNumber {
  return {
    start: chain.start,
    end: chain.end,
    digits: chain.runs.map((run) => text.slice(run.start, run.end)).join(''),
    groups: chain.runs.map(runLength),
  };
}

/**
 * Every way a whole number appears: each run that no hyphen ties to a neighbour, and each maximal chain of
 * runs joined by one separator. Numbers never start or end inside a run, nor inside a chain.
 */
function writtenNumbers(text: string): WrittenNumber[] {
  const runs = digitRuns(text);
  const numbers: WrittenNumber[] = [];
  for (const run of runs) {
    if (!isHyphenJoined(text, run)) numbers.push(fromRun(text, run));
  }
  for (const chain of digitChains(text, runs)) numbers.push(fromChain(text, chain));
  return numbers.sort((left, right) => left.start - right.start || left.end - right.end);
}

export function hasGroups(number: WrittenNumber, groups: readonly number[]): boolean {
  return number.groups.length === groups.length && groups.every((size, index) => number.groups[index] === size);
}

// detectAll runs four number detectors over the same normalised text; they share one scan. Keyed weakly
// by the normalised text object, so nothing outlives the caller's text.
const scanned = new WeakMap<NormalizedText, readonly WrittenNumber[]>();

export function numbersIn(input: NormalizedText): readonly WrittenNumber[] {
  const cached = scanned.get(input);
  if (cached) return cached;
  const numbers = writtenNumbers(input.text);
  scanned.set(input, numbers);
  return numbers;
}
