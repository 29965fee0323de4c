// Text is normalised per segment: one code point and the combining marks that join it (normalize.ts).
// Most segments are a single code unit, so their NFKC form is computed once per unit and kept; both the
// normaliser and the detection prefilter (detection-windows.ts) read it from here.

const hasNormalize = typeof ''.normalize === 'function';

/**
 * Code points whose NFKC form starts with a combining mark (or a conjoining Hangul vowel/final), so they
 * compose with the code point before them and must be normalised together with it (ｶﾞ → ガ).
 */
export function joinsPrevious(codePoint: number): boolean {
  return (
    codePoint >= 0x0300 &&
    ((codePoint >= 0x0300 && codePoint <= 0x036f) ||
      (codePoint >= 0x1160 && codePoint <= 0x11ff) ||
      (codePoint >= 0x1ab0 && codePoint <= 0x1aff) ||
      (codePoint >= 0x1dc0 && codePoint <= 0x1dff) ||
      (codePoint >= 0x20d0 && codePoint <= 0x20ff) ||
      (codePoint >= 0xfe20 && codePoint <= 0xfe2f) ||
      codePoint === 0x3099 ||
      codePoint === 0x309a ||
      codePoint === 0xff9e ||
      codePoint === 0xff9f)
  );
}

/** Ranges that NFKC leaves unchanged on their own: ASCII, kana, CJK unified ideographs. */
export function isStable(codePoint: number): boolean {
  return (
    codePoint < 0x80 ||
    (codePoint >= 0x3041 && codePoint <= 0x3096) ||
    (codePoint >= 0x30a1 && codePoint <= 0x30fc) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff)
  );
}

export function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff;
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

export function codePointLength(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
    const next = text.charCodeAt(index + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 2;
  }
  return 1;
}

/** NFKC leaves these dashes alone; detectors read them all as `-` (normalize.ts). */
export const DASHES = /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D]/g;

/** What a segment becomes: its NFKC form with the dashes folded. */
export function formOf(segment: string): string {
  return nfkc(segment).replace(DASHES, '-');
}

const forms = new Array<string | undefined>(0x10000);
/** Per BMP unit: 0 not yet known, 1 its NFKC form is itself, 2 it is not (or it is a surrogate or joiner). */
const selfForm = new Uint8Array(0x10000);

/** The NFKC form of one BMP code unit that is no surrogate, as the segment it forms alone, dashes folded. */
export function unitForm(unit: number): string {
  let form = forms[unit];
  if (form === undefined) {
    form = formOf(String.fromCharCode(unit));
    forms[unit] = form;
  }
  return form;
}

function learnSelfForm(unit: number): number {
  let keeps = isStable(unit);
  if (!keeps && !isSurrogate(unit) && !joinsPrevious(unit)) {
    const form = unitForm(unit);
    keeps = form.length === 1 && form.charCodeAt(0) === unit;
  }
  selfForm[unit] = keeps ? 1 : 2;
  return selfForm[unit] ?? 2;
}

/** True when a lone `unit` normalises to itself (and is no surrogate or mark), so it can be copied as it is. */
export function keepsItself(unit: number): boolean {
  return (selfForm[unit] || learnSelfForm(unit)) === 1;
}
