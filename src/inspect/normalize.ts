import type { DigitScan } from './digit-scan.js';
import { SegmentMap } from './segment-map.js';
import { codePointLength, formOf, isSurrogate, joinsPrevious, keepsItself, unitForm } from './unit-forms.js';
import { ambientTextDecoder, type TextDecoderLike } from './text-decoder.js';

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
  /**
   * Where the source segment that produced `text[index]` starts; `text.length` maps to the source's end.
   * Positions are in the text the source was cut from when normalizeWithMap was told where (`offset`).
   */
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
    /** Where the source starts in the text it was cut from, added to every position mapped back. */
    private readonly offset: number,
  ) {}

  private clamp(value: number): number {
    return value < 0 ? 0 : value > this.map.length ? this.map.length : value;
  }

  toOriginal(index: number): number {
    return this.offset + this.map.startOf(this.clamp(index));
  }

  toOriginalSpan(from: number, to: number): OriginalSpan {
    const start = this.clamp(from);
    const end = this.clamp(to);
    if (end <= start) {
      const at = this.offset + this.map.startOf(start);
      return { start: at, end: at };
    }
    return { start: this.offset + this.map.startOf(start), end: this.offset + this.map.unitSource(end - 1).end };
  }
}

/**
 * A UTF-16LE decoder for the units the builder writes, or null where there is none (classic Outlook's
 * runtime) or the platform stores a Uint16Array big-endian. `ignoreBOM` keeps a leading U+FEFF as text.
 */
function makeUtf16Decoder(): TextDecoderLike | null {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) return null;
  return ambientTextDecoder('utf-16le', { ignoreBOM: true });
}

let utf16Decoder: TextDecoderLike | null | undefined;

/**
 * A window is written as units when it has this many changes at most DENSE_SPACING units apart on
 * average: for fewer, or further apart, slices and one join are quicker than filling and decoding a
 * buffer as long as the window.
 */
const DENSE_CHANGES = 1024;
const DENSE_SPACING = 24;
/** Copied stretches longer than this are sliced from the source; shorter ones are written as units. */
const SLICED_COPY = 64;
/** Written units up to this many become a string by fromCharCode, more by the decoder. */
const SHORT_UNITS = 64;

function hasSurrogate(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (isSurrogate(text.charCodeAt(index))) return true;
  return false;
}

// Shared until a dense window needs room: a typed array per window cost more than many a window's work.
const NO_UNITS = new Uint16Array(0);

/**
 * Builds the normalised text from the source, segment by segment, with the map back. Long copied
 * stretches are slices of the source; short ones and the segments' forms between them are written as
 * UTF-16 units into one buffer, decoded once it is followed by a slice or at the end. A sheet's text
 * changes every dozen units (its full-width digits and dashes), and a string per stretch and per form
 * (three million of them for the 10 MB workbook, docs/benchmarks.md) cost more to make, join and
 * collect than writing the units.
 */
class NormalizedBuilder {
  private readonly parts: string[] = [];
  private readonly segments: number[] = [];
  private outputLength = 0;
  private copiedUpTo = 0;
  private readonly decoder: TextDecoderLike | null;
  private units = NO_UNITS;
  private unitCount = 0;

  /** `dense`: the source changes every few units, so its short stretches are written as units. */
  constructor(
    private readonly source: string,
    dense: boolean,
  ) {
    if (dense && utf16Decoder === undefined) utf16Decoder = makeUtf16Decoder();
    this.decoder = dense ? (utf16Decoder ?? null) : null;
  }

  /** Room for `more` units; the first time for the rest of the source, which its forms seldom outgrow. */
  private reserve(more: number): void {
    if (this.unitCount + more <= this.units.length) return;
    const rest = this.units.length === 0 ? this.source.length - this.copiedUpTo + 16 : 0;
    const grown = new Uint16Array(Math.max(this.units.length * 2, this.unitCount + more, rest));
    grown.set(this.units.subarray(0, this.unitCount));
    this.units = grown;
  }

  /** The units written so far, as one part. */
  private flush(): void {
    if (this.unitCount === 0) return;
    const written = this.units.subarray(0, this.unitCount);
    this.parts.push(this.unitCount <= SHORT_UNITS || !this.decoder ? String.fromCharCode(...written) : this.decoder.decode(written));
    this.unitCount = 0;
  }

  /** Copies the source from `from` to `to`, which normalises to itself (no surrogates). */
  private copy(from: number, to: number): void {
    if (to <= from) return;
    if (!this.decoder || to - from > SLICED_COPY) {
      this.flush();
      this.parts.push(this.source.slice(from, to));
    } else {
      this.reserve(to - from);
      const { source, units } = this;
      let at = this.unitCount;
      for (let index = from; index < to; index += 1) units[at++] = source.charCodeAt(index);
      this.unitCount = at;
    }
    this.outputLength += to - from;
  }

  /** Appends a segment's form; surrogates go as a string part, since the decoder would replace a lone one. */
  private write(form: string): void {
    if (!this.decoder || (form.length > 1 && hasSurrogate(form)) || (form.length === 1 && isSurrogate(form.charCodeAt(0)))) {
      this.flush();
      this.parts.push(form);
      return;
    }
    this.reserve(form.length);
    for (let index = 0; index < form.length; index += 1) this.units[this.unitCount++] = form.charCodeAt(index);
  }

  /** Copies the source up to `start`, then normalises the segment starting there; returns its end. */
  segmentAt(start: number): number {
    const { source } = this;
    this.copy(this.copiedUpTo, start);
    const unit = source.charCodeAt(start);
    let index = start + codePointLength(source, start);
    let alone = index - start === 1 && !isSurrogate(unit);
    while (index < source.length && joinsPrevious(source.codePointAt(index) ?? 0)) {
      alone = false;
      index += codePointLength(source, index);
    }
    const output = alone ? unitForm(unit) : formOf(source.slice(start, index));
    this.write(output);
    // One unit for one unit maps as a copy would (segment-map.ts), so only other segments are recorded.
    if (!alone || output.length !== 1) this.segments.push(this.outputLength, this.outputLength + output.length, start, index);
    this.outputLength += output.length;
    this.copiedUpTo = index;
    return index;
  }

  finish(offset: number): NormalizedText {
    const { source, segments } = this;
    this.copy(this.copiedUpTo, source.length);
    this.flush();
    const outputLength = this.outputLength;
    const joined = this.parts.length === 1 ? (this.parts[0] ?? '') : this.parts.join('');
    const text = hasLongVowelBetweenDigits(joined) ? joined.replace(LONG_VOWEL_BETWEEN_DIGITS, '$1-') : joined;
    const map = new SegmentMap(outputLength, source.length);
    for (let at = 0; at < segments.length; at += 4) {
      map.record(segments[at] ?? 0, segments[at + 1] ?? 0, segments[at + 2] ?? 0, segments[at + 3] ?? 0);
    }
    return new MappedText(text, source.length, map, offset);
  }
}

/**
 * NFKC per source segment plus the dash folds, with a map from every output index back to the source.
 * Runs of units that normalise to themselves are copied whole; the rest is normalised segment by segment.
 * The dashes never normalise to themselves here, so they are folded segment by segment too. `changes`,
 * when given, are where the segments that are not such copies start, in order (detection-windows.ts
 * notes them as it reads the text), so the source need not be read again to find them. `offset`: where
 * `source` starts in a text it was cut from, so the map points into that text (detectAll's windows).
 */
export function normalizeWithMap(source: string, changes?: readonly number[], offset = 0): NormalizedText {
  const dense = changes !== undefined && changes.length >= DENSE_CHANGES && source.length <= changes.length * DENSE_SPACING;
  const builder = new NormalizedBuilder(source, dense);
  if (changes) {
    for (const start of changes) builder.segmentAt(start);
    return builder.finish(offset);
  }
  let index = 0;
  while (index < source.length) {
    let copyEnd = index;
    while (copyEnd < source.length && keepsItself(source.charCodeAt(copyEnd))) copyEnd += 1;
    // A unit followed by a mark is normalised with it.
    if (copyEnd > index && joinsPrevious(source.charCodeAt(copyEnd))) copyEnd -= 1;
    index = copyEnd > index ? copyEnd : builder.segmentAt(index);
  }
  return builder.finish(offset);
}

/** The normalised text alone, for terms and patterns that are compared with normalised messages. */
export function normalizeText(source: string): string {
  return normalizeWithMap(source).text;
}
