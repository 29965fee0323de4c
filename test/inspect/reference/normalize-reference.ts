// normalizeWithMap as it was before runs of self-normalising units were copied whole and the map kept
// only the changed segments; the reference detectAll (detect-all-reference.ts) runs on it. The helpers
// it shares with src/inspect/unit-forms.ts are unchanged; Node always has String.prototype.normalize.
import { codePointLength, isStable, joinsPrevious } from '../../../src/inspect/unit-forms.js';

// Detectors run on NFKC text (full-width digits, ＠, Kangxi radicals from PDFs, ideographic space) but
// findings must point into the text the user wrote, so normalisation keeps an index map back to the source.
// NFKC leaves U+2010–U+2015, U+2212, U+2043 and ー alone, so those are folded here.

interface OriginalSpan {
  readonly start: number;
  readonly end: number;
}

interface NormalizedText {
  readonly text: string;
  /** Length of the source text, in UTF-16 code units. */
  readonly originalLength: number;
  /** Where the source segment that produced `text[index]` starts; `text.length` maps to `originalLength`. */
  toOriginal(index: number): number;
  /** The source span covering `text.slice(start, end)`, widened to whole source segments. */
  toOriginalSpan(start: number, end: number): OriginalSpan;
}

const DASHES = /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D]/g;
const LONG_VOWEL_BETWEEN_DIGITS = /([0-9])[\u30FC\uFF70](?=[0-9])/g;

function nfkc(segment: string): string {
  return segment.normalize('NFKC');
}

/** End of the run of stable code units from `from` whose last unit is not joined by a following mark. */
function stableRunEnd(source: string, from: number): number {
  let index = from;
  while (index < source.length && isStable(source.charCodeAt(index))) index += 1;
  if (index > from && index < source.length && joinsPrevious(source.codePointAt(index) ?? 0)) index -= 1;
  return index;
}

class IndexMap {
  starts: Int32Array;
  ends: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity + 1);
    this.ends = new Int32Array(capacity);
  }

  /** `count` output units that each map to their own source unit, starting at `start`. */
  pushIdentity(count: number, start: number): void {
    if (this.length + count >= this.ends.length) this.grow(this.length + count);
    for (let index = 0; index < count; index += 1) {
      this.starts[this.length] = start + index;
      this.ends[this.length] = start + index + 1;
      this.length += 1;
    }
  }

  push(count: number, start: number, end: number): void {
    if (this.length + count >= this.ends.length) this.grow(this.length + count);
    for (let index = 0; index < count; index += 1) {
      this.starts[this.length] = start;
      this.ends[this.length] = end;
      this.length += 1;
    }
  }

  private grow(needed: number): void {
    const capacity = Math.max(needed + 1, this.ends.length * 2);
    const starts = new Int32Array(capacity + 1);
    const ends = new Int32Array(capacity);
    starts.set(this.starts.subarray(0, this.length));
    ends.set(this.ends.subarray(0, this.length));
    this.starts = starts;
    this.ends = ends;
  }
}

function foldDashes(text: string): string {
  return text.replace(DASHES, '-').replace(LONG_VOWEL_BETWEEN_DIGITS, '$1-');
}

/** NFKC per source segment plus the dash folds, with a map from every output index back to the source. */
export function normalizeWithMap(source: string): NormalizedText {
  const parts: string[] = [];
  const map = new IndexMap(source.length + 16);
  let index = 0;
  while (index < source.length) {
    const run = stableRunEnd(source, index);
    if (run > index) {
      parts.push(source.slice(index, run));
      map.pushIdentity(run - index, index);
      index = run;
      continue;
    }
    const start = index;
    const first = source.codePointAt(index) ?? 0;
    index += codePointLength(source, index);
    let stable = isStable(first);
    while (index < source.length) {
      const next = source.codePointAt(index) ?? 0;
      if (!joinsPrevious(next)) break;
      stable = false;
      index += codePointLength(source, index);
    }
    const segment = source.slice(start, index);
    const output = stable ? segment : nfkc(segment);
    parts.push(output);
    map.push(output.length, start, index);
  }
  const text = foldDashes(parts.join(''));
  const length = map.length;
  map.starts[length] = source.length;
  const { starts, ends } = map;
  const clamp = (value: number): number => (value < 0 ? 0 : value > length ? length : value);
  return {
    text,
    originalLength: source.length,
    toOriginal: (position) => starts[clamp(position)] ?? source.length,
    toOriginalSpan: (from, to) => {
      const start = clamp(from);
      const end = clamp(to);
      if (end <= start) {
        const at = starts[start] ?? source.length;
        return { start: at, end: at };
      }
      return { start: starts[start] ?? 0, end: ends[end - 1] ?? source.length };
    },
  };
}
