import type { DigitScan } from './digit-scan.js';
import { SegmentMap } from './segment-map.js';
import { codePointLength, formOf, isSurrogate, joinsPrevious, keepsItself, unitForm } from './unit-forms.js';

// Detectors run on NFKC text (full-width digits, ＠, Kangxi radicals from PDFs, ideographic space) but
// findings must point into the text the user wrote, so normalisation keeps an index map back to the source.
// NFKC leaves (https://www.unicode.org/charts/normalization/) U+2010–U+2015, U+2212, U+2043 and ー alone, so those are folded here.

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

const LONG_VOWEL_BETWEEN_DIGITS = /([0-9])[\u30FC\uFF70](?=[0-9])/g;

/** Whether a long vowel mark sits between two digits, which only the regex below can tell for sure. */
function hasLongVowelBetweenDigits(text: string): boolean {
  for (const mark of ['\u30FC', '\uFF70']) {
    for (let at = text.indexOf(mark, 1); at >= 0; at = text.indexOf(mark, at + 1)) {
      if (isAsciiDigit(text.charCodeAt(at - 1)) && isAsciiDigit(text.charCodeAt(at + 1))) return true;
    }
  }
  return false;
}

function isAsciiDigit(unit: number): boolean {
  return unit >= 0x30 && unit <= 0x39;
}

/** A normalised text as normalizeWithMap makes it, with room for what the detectors share about it. */
export class MappedText implements NormalizedText {
  /**
   * The digit runs, found on first use by whichever number detector comes first (digit-scan.ts). Kept on
   * the text, not in a WeakMap keyed by it, because a WeakMap's entries are costly to collect and there is
   * one text per window.
   */
  digitScan: DigitScan | undefined = undefined;

  constructor(
    readonly text: string,
    readonly originalLength: number,
    private readonly map: SegmentMap,
  ) {}

  private clamp(value: number): number {
    return value < 0 ? 0 : value > this.map.length ? this.map.length : value;
  }

  toOriginal(index: number): number {
    return this.map.startOf(this.clamp(index));
  }

  toOriginalSpan(from: number, to: number): OriginalSpan {
    const start = this.clamp(from);
    const end = this.clamp(to);
    if (end <= start) {
      const at = this.map.startOf(start);
      return { start: at, end: at };
    }
    return { start: this.map.startOf(start), end: this.map.unitSource(end - 1).end };
  }
}

/** Builds the normalised text from the source, segment by segment, with the map back. */
class NormalizedBuilder {
  private readonly parts: string[] = [];
  private readonly segments: number[] = [];
  private outputLength = 0;
  private copiedUpTo = 0;

  constructor(private readonly source: string) {}

  /** Copies the source up to `start`, then normalises the segment starting there; returns its end. */
  segmentAt(start: number): number {
    const { source } = this;
    if (start > this.copiedUpTo) {
      this.parts.push(source.slice(this.copiedUpTo, start));
      this.outputLength += start - this.copiedUpTo;
    }
    const unit = source.charCodeAt(start);
    let index = start + codePointLength(source, start);
    let alone = index - start === 1 && !isSurrogate(unit);
    while (index < source.length && joinsPrevious(source.codePointAt(index) ?? 0)) {
      alone = false;
      index += codePointLength(source, index);
    }
    const output = alone ? unitForm(unit) : formOf(source.slice(start, index));
    this.parts.push(output);
    // One unit for one unit maps as a copy would (segment-map.ts), so only other segments are recorded.
    if (!alone || output.length !== 1) this.segments.push(this.outputLength, this.outputLength + output.length, start, index);
    this.outputLength += output.length;
    this.copiedUpTo = index;
    return index;
  }

  finish(): NormalizedText {
    const { source, segments } = this;
    if (source.length > this.copiedUpTo) {
      this.parts.push(source.slice(this.copiedUpTo));
      this.outputLength += source.length - this.copiedUpTo;
    }
    const outputLength = this.outputLength;
    const joined = this.parts.length === 1 ? (this.parts[0] ?? '') : this.parts.join('');
    const text = hasLongVowelBetweenDigits(joined) ? joined.replace(LONG_VOWEL_BETWEEN_DIGITS, '$1-') : joined;
    const map = new SegmentMap(outputLength, source.length);
    for (let at = 0; at < segments.length; at += 4) {
      map.record(segments[at] ?? 0, segments[at + 1] ?? 0, segments[at + 2] ?? 0, segments[at + 3] ?? 0);
    }
    return new MappedText(text, source.length, map);
  }
}

/**
 * NFKC per source segment plus the dash folds, with a map from every output index back to the source.
 * Runs of units that normalise to themselves are copied whole; the rest is normalised segment by segment.
 * The dashes never normalise to themselves here, so they are folded segment by segment too. `changes`,
 * when given, are where the segments that are not such copies start, in order (detection-windows.ts
 * notes them as it reads the text), so the source need not be read again to find them.
 */
export function normalizeWithMap(source: string, changes?: readonly number[]): NormalizedText {
  const builder = new NormalizedBuilder(source);
  if (changes) {
    for (const start of changes) builder.segmentAt(start);
    return builder.finish();
  }
  let index = 0;
  while (index < source.length) {
    let copyEnd = index;
    while (copyEnd < source.length && keepsItself(source.charCodeAt(copyEnd))) copyEnd += 1;
    // A unit followed by a mark is normalised with it.
    if (copyEnd > index && joinsPrevious(source.charCodeAt(copyEnd))) copyEnd -= 1;
    index = copyEnd > index ? copyEnd : builder.segmentAt(index);
  }
  return builder.finish();
}

/** The normalised text alone, for terms and patterns that are compared with normalised messages. */
export function normalizeText(source: string): string {
  return normalizeWithMap(source).text;
}
