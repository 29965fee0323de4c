// Numbers in text are runs of ASCII digits (after normalisation), possibly grouped by single spaces or
// hyphens. Detectors only ever take whole runs, never part of one, so `12345678901234` never yields a
// 12-digit My Number. ES2016 has no lookbehind, so boundaries are checked here by hand.

export type Separator = ' ' | '-';

export interface DigitRun {
  readonly start: number;
  readonly end: number;
}

/** Runs joined by one and the same separator, which cannot be extended by that separator on either side. */
export interface DigitChain {
  readonly runs: readonly DigitRun[];
  readonly separator: Separator;
  readonly start: number;
  readonly end: number;
}

export function isDigitAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  return unit >= 0x30 && unit <= 0x39;
}

export function digitRuns(text: string): DigitRun[] {
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
export function isHyphenJoined(text: string, run: DigitRun): boolean {
  const before = run.start >= 2 && text.charAt(run.start - 1) === '-' && isDigitAt(text, run.start - 2);
  const after = text.charAt(run.end) === '-' && isDigitAt(text, run.end + 1);
  return before || after;
}

/** Every maximal chain of two or more runs joined by the same separator (a run may sit in a space and a hyphen chain). */
export function digitChains(text: string, runs: readonly DigitRun[]): DigitChain[] {
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

export function runLength(run: DigitRun): number {
  return run.end - run.start;
}
