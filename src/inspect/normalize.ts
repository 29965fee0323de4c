// Detectors run on NFKC text (full-width digits, ＠, Kangxi radicals from PDFs, ideographic space) but
// findings must point into the text the user wrote, so normalisation keeps an index map back to the source.
// Research §3.4: NFKC leaves U+2010–U+2015, U+2212, U+2043 and ー alone, so those are folded here.

export interface OriginalSpan {
  readonly start: number;
  readonly end: number;
}

export interface NormalizedText {
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

const hasNormalize = typeof ''.normalize === 'function';

/**
 * Code points whose NFKC form starts with a combining mark (or a conjoining Hangul vowel/final), so they
 * compose with the code point before them and must be normalised together with it (ｶﾞ → ガ).
 */
function joinsPrevious(codePoint: number): boolean {
  return (
    (codePoint >= 0x0300 && codePoint <= 0x036f) ||
    (codePoint >= 0x1160 && codePoint <= 0x11ff) ||
    (codePoint >= 0x1ab0 && codePoint <= 0x1aff) ||
    (codePoint >= 0x1dc0 && codePoint <= 0x1dff) ||
    (codePoint >= 0x20d0 && codePoint <= 0x20ff) ||
    (codePoint >= 0xfe20 && codePoint <= 0xfe2f) ||
    codePoint === 0x3099 ||
    codePoint === 0x309a ||
    codePoint === 0xff9e ||
    codePoint === 0xff9f
  );
}

/** Ranges that NFKC leaves unchanged on their own: ASCII, kana, CJK unified ideographs. */
function isStable(codePoint: number): boolean {
  return (
    codePoint < 0x80 ||
    (codePoint >= 0x3041 && codePoint <= 0x3096) ||
    (codePoint >= 0x30a1 && codePoint <= 0x30fc) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff)
  );
}

/** Full-width ASCII and the ideographic space, folded by hand so they work even where `normalize` is missing. */
function foldWithoutNormalize(segment: string): string {
  let folded = '';
  for (let index = 0; index < segment.length; index += 1) {
    const unit = segment.charCodeAt(index);
    if (unit >= 0xff01 && unit <= 0xff5e) folded += String.fromCharCode(unit - 0xfee0);
    else if (unit === 0x3000) folded += ' ';
    else folded += segment.charAt(index);
  }
  return folded;
}

function nfkc(segment: string): string {
  return hasNormalize ? segment.normalize('NFKC') : foldWithoutNormalize(segment);
}

/** End of the run of stable code units from `from` whose last unit is not joined by a following mark. */
function stableRunEnd(source: string, from: number): number {
  let index = from;
  while (index < source.length && isStable(source.charCodeAt(index))) index += 1;
  if (index > from && index < source.length && joinsPrevious(source.codePointAt(index) ?? 0)) index -= 1;
  return index;
}

function codePointLength(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
    const next = text.charCodeAt(index + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 2;
  }
  return 1;
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

/** The normalised text alone, for terms and patterns that are compared with normalised messages. */
export function normalizeText(source: string): string {
  return normalizeWithMap(source).text;
}
