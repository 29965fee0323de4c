import { UNBOUNDED, type CharacterTest, type PatternNode } from './pattern-syntax.js';

// A Thompson NFA run as a set of states (Pike VM without captures): time is linear in the text times
// the program size, whatever the pattern, which is what makes IT's patterns safe in the send handler.
// Each state remembers the earliest start that reached it, which gives leftmost-longest matches.

export const MAX_INSTRUCTIONS = 2000;
/** Steps allowed per character of text; a pattern that needs more stops early (see `truncated`). */
const STEPS_PER_CHARACTER = 256;
const MINIMUM_STEPS = 100_000;

const UNIT = 0;
const TEST = 1;
const SPLIT = 2;
const JUMP = 3;
const ACCEPT = 4;

export interface PatternProgram {
  readonly operations: readonly number[];
  /** Unit for `Unit`, test index for `Test`, first target for `Split`/`Jump`. */
  readonly first: readonly number[];
  /** Second target for `Split`. */
  readonly second: readonly number[];
  readonly tests: readonly CharacterTest[];
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface SearchResult {
  readonly spans: readonly Span[];
  /** True when the step budget ran out before the end of the text. */
  readonly truncated: boolean;
}

class TooComplex {}

class Builder {
  readonly operations: number[] = [];
  readonly first: number[] = [];
  readonly second: number[] = [];
  readonly tests: CharacterTest[] = [];

  emit(operation: number, first = 0, second = 0): number {
    if (this.operations.length >= MAX_INSTRUCTIONS) throw new TooComplex();
    this.operations.push(operation);
    this.first.push(first);
    this.second.push(second);
    return this.operations.length - 1;
  }

  get next(): number {
    return this.operations.length;
  }

  compile(node: PatternNode): void {
    switch (node.type) {
      case 'unit':
        this.emit(UNIT, node.unit);
        return;
      case 'test':
        this.tests.push(node.test);
        this.emit(TEST, this.tests.length - 1);
        return;
      case 'sequence':
        for (const item of node.items) this.compile(item);
        return;
      case 'choice':
        this.compileChoice(node.options);
        return;
      case 'repeat':
        this.compileRepeat(node.item, node.min, node.max);
        return;
    }
  }

  private compileChoice(options: readonly PatternNode[]): void {
    const jumps: number[] = [];
    options.forEach((option, index) => {
      if (index === options.length - 1) {
        this.compile(option);
        return;
      }
      const split = this.emit(SPLIT);
      this.first[split] = this.next;
      this.compile(option);
      jumps.push(this.emit(JUMP));
      this.second[split] = this.next;
    });
    for (const jump of jumps) this.first[jump] = this.next;
  }

  private compileRepeat(item: PatternNode, min: number, max: number): void {
    for (let count = 0; count < min; count += 1) this.compile(item);
    if (max === UNBOUNDED) {
      const loop = this.emit(SPLIT);
      this.first[loop] = this.next;
      this.compile(item);
      this.emit(JUMP, loop);
      this.second[loop] = this.next;
      return;
    }
    const splits: number[] = [];
    for (let count = min; count < max; count += 1) {
      const split = this.emit(SPLIT);
      this.first[split] = this.next;
      splits.push(split);
      this.compile(item);
    }
    for (const split of splits) this.second[split] = this.next;
  }
}

/** The program for a parsed pattern, or null when it exceeds MAX_INSTRUCTIONS. */
export function compileProgram(node: PatternNode): PatternProgram | null {
  const builder = new Builder();
  try {
    builder.compile(node);
    builder.emit(ACCEPT);
  } catch (failure) {
    if (failure instanceof TooComplex) return null;
    throw failure;
  }
  return { operations: builder.operations, first: builder.first, second: builder.second, tests: builder.tests };
}

/** Ordered set of states with the start each was first reached from. */
class StateList {
  readonly states: Int32Array;
  readonly starts: Int32Array;
  length = 0;
  constructor(size: number) {
    this.states = new Int32Array(size);
    this.starts = new Int32Array(size);
  }
}

class Machine {
  private readonly seen: Int32Array;
  private generation = 0;
  private readonly stack: Int32Array;
  private current: StateList;
  private next: StateList;

  constructor(private readonly program: PatternProgram) {
    const size = program.operations.length;
    this.seen = new Int32Array(size).fill(-1);
    this.stack = new Int32Array(size * 2 + 2);
    this.current = new StateList(size);
    this.next = new StateList(size);
  }

  beginStep(): void {
    this.generation += 1;
  }

  /** Adds `state` and its epsilon closure; a state already reached in this step keeps its earlier start. */
  add(list: StateList, state: number, start: number): void {
    const { operations, first, second } = this.program;
    let depth = 0;
    this.stack[depth++] = state;
    while (depth > 0) {
      const current = this.stack[--depth] ?? 0;
      if (this.seen[current] === this.generation) continue;
      this.seen[current] = this.generation;
      const operation = operations[current];
      if (operation === JUMP) {
        this.stack[depth++] = first[current] ?? 0;
      } else if (operation === SPLIT) {
        this.stack[depth++] = second[current] ?? 0;
        this.stack[depth++] = first[current] ?? 0;
      } else {
        list.states[list.length] = current;
        list.starts[list.length] = start;
        list.length += 1;
      }
    }
  }

  acceptsEmpty(): boolean {
    const list = this.current;
    list.length = 0;
    this.beginStep();
    this.add(list, 0, 0);
    for (let index = 0; index < list.length; index += 1) {
      if (this.program.operations[list.states[index] ?? 0] === ACCEPT) return true;
    }
    return false;
  }

  /** Leftmost-longest match at or after `from`; `budget.steps` is decremented per state visited. */
  search(text: string, from: number, budget: { steps: number }): Span | null | 'exhausted' {
    const { operations, first, tests } = this.program;
    let { current, next } = this;
    current.length = 0;
    this.beginStep();
    this.add(current, 0, from);
    let bestStart = -1;
    let bestEnd = -1;
    for (let position = from; ; position += 1) {
      let kept = 0;
      for (let index = 0; index < current.length; index += 1) {
        const state = current.states[index] ?? 0;
        const start = current.starts[index] ?? 0;
        if (bestStart >= 0 && start > bestStart) continue;
        if (operations[state] === ACCEPT) {
          if (bestStart < 0 || start < bestStart || (start === bestStart && position > bestEnd)) {
            bestStart = start;
            bestEnd = position;
          }
          continue;
        }
        current.states[kept] = state;
        current.starts[kept] = start;
        kept += 1;
      }
      current.length = kept;
      budget.steps -= kept + 1;
      if (budget.steps < 0) return 'exhausted';
      if (position >= text.length || (kept === 0 && bestStart >= 0)) break;
      const unit = text.charCodeAt(position);
      this.beginStep();
      next.length = 0;
      for (let index = 0; index < current.length; index += 1) {
        const state = current.states[index] ?? 0;
        const operation = operations[state];
        const argument = first[state] ?? 0;
        const passes = operation === UNIT ? argument === unit : operation === TEST && (tests[argument]?.(unit) ?? false);
        if (passes) this.add(next, state + 1, current.starts[index] ?? 0);
      }
      if (bestStart < 0) this.add(next, 0, position + 1);
      const swap = current;
      current = next;
      next = swap;
    }
    this.current = current;
    this.next = next;
    return bestStart < 0 ? null : { start: bestStart, end: bestEnd };
  }
}

/** True when the pattern would match the empty string (and so match everywhere). */
export function acceptsEmpty(program: PatternProgram): boolean {
  return new Machine(program).acceptsEmpty();
}

/** Every non-overlapping leftmost-longest match in `folded` (text already normalised and case-folded). */
export function searchAll(program: PatternProgram, folded: string): SearchResult {
  const machine = new Machine(program);
  const budget = { steps: Math.max(MINIMUM_STEPS, STEPS_PER_CHARACTER * folded.length) };
  const spans: Span[] = [];
  let from = 0;
  while (from < folded.length) {
    const found = machine.search(folded, from, budget);
    if (found === 'exhausted') return { spans, truncated: true };
    if (!found) break;
    spans.push(found);
    from = found.end;
  }
  return { spans, truncated: false };
}
