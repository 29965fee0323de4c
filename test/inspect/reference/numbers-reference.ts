// How the number detectors found their numbers before the shared digit scan (src/inspect/digit-scan.ts):
// every run as an object, then the chains of each separator, then all of them sorted. The property tests
// (detect-windows.test.ts) compare src's numbersIn with this, number for number.
import { isDigitAt } from '../../../src/inspect/digit-scan.js';
import type { WrittenNumber } from '../../../src/inspect/detectors/numbers.js';

type Separator = ' ' | '-';

interface DigitRun {
  readonly start: number;
  readonly end: number;
}

/** Runs joined by one and the same separator, which cannot be extended by that separator on either side. */
interface DigitChain {
  readonly runs: readonly DigitRun[];
  readonly separator: Separator;
  readonly start: number;
  readonly end: number;
}

function digitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  let index = 0;
  while (index < text.length) {
    if (!isDigitAt(text, index)) {
      index += 1;
      continue;
    }
    const start = index;
    while (index < text.length && isDigitAt(text, index)) index += 1;
    runs.push({ start, end: index });
  }
  return runs;
}

function separatorBetween(text: string, left: DigitRun, right: DigitRun): Separator | null {
  if (right.start - left.end !== 1) return null;
  const between = text.charAt(left.end);
  return between === ' ' || between === '-' ? between : null;
}

/** True when a hyphen ties the run to a neighbouring run, so the run is part of a longer number. */
function isHyphenJoined(text: string, run: DigitRun): boolean {
  const before = run.start >= 2 && text.charAt(run.start - 1) === '-' && isDigitAt(text, run.start - 2);
  const after = text.charAt(run.end) === '-' && isDigitAt(text, run.end + 1);
  return before || after;
}

/** Every maximal chain of two or more runs joined by the same separator (a run may sit in a space and a hyphen chain). */
function digitChains(text: string, runs: readonly DigitRun[]): DigitChain[] {
  const chains: DigitChain[] = [];
  for (const separator of [' ', '-'] as const) {
    let current: DigitRun[] = [];
    const flush = (): void => {
      const first = current[0];
      const last = current[current.length - 1];
      if (current.length >= 2 && first && last) {
        chains.push({ runs: current, separator, start: first.start, end: last.end });
      }
    };
    for (let index = 0; index < runs.length; index += 1) {
      const run = runs[index];
      if (!run) continue;
      const previous = runs[index - 1];
      if (previous && separatorBetween(text, previous, run) === separator) {
        current.push(run);
        continue;
      }
      flush();
      current = [run];
    }
    flush();
  }
  return chains.sort((left, right) => left.start - right.start || left.end - right.end);
}

function runLength(run: DigitRun): number {
  return run.end - run.start;
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

/** Every run that no hyphen ties to a neighbour and every maximal chain, sorted by start, then end. */
export function referenceWrittenNumbers(text: string): WrittenNumber[] {
  const runs = digitRuns(text);
  const numbers: WrittenNumber[] = [];
  for (const run of runs) {
    if (!isHyphenJoined(text, run)) numbers.push(fromRun(text, run));
  }
  for (const chain of digitChains(text, runs)) numbers.push(fromChain(text, chain));
  return numbers.sort((left, right) => left.start - right.start || left.end - right.end);
}
