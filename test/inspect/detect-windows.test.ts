import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectionWindows } from '../../src/inspect/detection-windows.js';
import { compileCustomRules, detectAll, normalizeWithMap, PERSONAL_DATA_KINDS } from '../../src/inspect/index.js';
import { DASH_VARIANTS, toFullWidth } from './found.js';
import { referenceDetectAll } from './reference/detect-all-reference.js';
import { normalizeWithMap as referenceNormalizeWithMap } from './reference/normalize-reference.js';

// The prefiltered detectAll must find exactly what the whole-text detectAll found (the reference), so the
// texts are dense in what the windows' edges depend on: triggers in every width, context words and labels
// at about the reach of a window, units that NFKC merges (ｶﾞ, 𝐀) or expands (㍻, ﷺ) beside them.

const TRIGGERS: readonly string[] = [
  ...'0123456789０１２３４５６７８９',
  '①',
  '⑴',
  '⒈',
  '㉑',
  '¹',
  '₂',
  '¼',
  '𝟏',
  '㍘',
  '㏠',
  '@',
  '＠',
  '﹫',
  '丁目',
  '丁',
  '目',
  '⽬',
  '三',
  '十',
  '⼀',
  '㊀',
];

const AROUND: readonly string[] = [
  ...DASH_VARIANTS,
  ' ',
  '\u3000',
  '\n',
  '(',
  ')',
  '(0)',
  '+81',
  '+',
  ':',
  '.',
  '_',
  'T',
  'a',
  'Z',
  'ｶﾞ',
  '\u3099',
  '\u0301',
  'e',
  'ﬁ',
  '㍻',
  '㈱',
  'ﷺ',
  '𝐀',
  '😀',
  '\uD800',
  '\uDC00',
  'Σ',
  'ΑΣ',
  'İ',
  'Å',
  '、',
  '。',
  '「',
  'ｱ',
  '〒',
  '郵便番号',
  'マイナンバー',
  'ﾏｲﾅﾝﾊﾞｰ',
  '個人番号',
  '法人番号',
  '登録番号',
  'カード番号',
  'VISA',
  'cvv',
  'ゆうちょ',
  '記号',
  '番号',
  '普通',
  '口座番号',
  '預金',
  '円',
  '東京都',
  '大阪府',
  '神奈川県',
  '千代⽥区',
  '港区',
  '札幌市',
  '番地',
  '号',
  'example.co.jp',
  'taro',
  '社外秘',
  'ＣＯＮＦＩＤＥＮＴＩＡＬ',
];

/** Filler of a length near the windows' reaches, in units that normalise one to one, two to one or one to many. */
const filler = fc
  .tuple(fc.constantFrom('あ', 'x', ' ', 'ｶﾞ', '𝐀', '㍻', '、', '\u0301'), fc.integer({ min: 0, max: 75 }))
  .map(([unit, count]) => unit.repeat(count));

const VALID_NUMBERS: readonly string[] = [
  '123456789018',
  '1234 5678 9018',
  '7000012050002',
  '4111111111111111',
  '4111-1111-1111-1111',
  '4999972479918',
  '378282246310005',
  '03-1234-5678',
  '090 1234 5678',
  '(03)1234-5678',
  '+81 90-1234-5678',
  '0312345678',
  '100-0001',
  '1000001',
  '1234567',
  '10150-12345671',
  '1-2-3',
];

const CONTEXT: readonly string[] = [
  'マイナンバー',
  'ﾏｲﾅﾝﾊﾞｰ',
  '個人番号',
  '法人番号',
  'インボイス',
  'カード番号',
  'Visa',
  'AMERICAN EXPRESS',
  'ゆうちょ',
  'yucho',
  '〒',
  '郵便番号',
  '口座番号',
  '普通預金',
  '記号',
  '番号',
  '東京都',
  '大阪府',
];

function widths(value: string): fc.Arbitrary<string> {
  return fc.constantFrom(value, toFullWidth(value), value.replace(/-/g, 'ー'), value.replace(/1/g, '①'));
}

/** A number that passes its check, between context words at about the distance the detectors look. */
const numberWithContext = fc
  .tuple(fc.constantFrom(...CONTEXT), filler, fc.constantFrom(...VALID_NUMBERS).chain(widths), filler, fc.constantFrom(...CONTEXT))
  .map((parts) => parts.join(''));

const label = fc.integer({ min: 1, max: 63 }).map((count) => 'x'.repeat(count));
const email = fc
  .tuple(fc.integer({ min: 0, max: 70 }), fc.constantFrom('@', '＠', '﹫'), fc.array(label, { minLength: 1, maxLength: 6 }))
  .map(([local, at, labels]) => `${'a'.repeat(local)}${at}${labels.join('.')}`);

const address = fc
  .tuple(
    fc.constantFrom('東京都', '神奈川県', '北海道'),
    fc.constantFrom('港区', '千代⽥区', '横浜市中区', '札幌市'),
    filler,
    fc.oneof(
      fc.integer({ min: 1, max: 60 }).map((count) => `${'三'.repeat(count)}丁目`),
      fc.constantFrom('1-2-3', '２丁目５番', '⼀丁⽬', '十丁目4番地', '5番地'),
    ),
  )
  .map((parts) => parts.join(''));

const text = fc
  .array(
    fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...TRIGGERS) },
      { weight: 3, arbitrary: fc.constantFrom(...AROUND) },
      { weight: 3, arbitrary: filler },
      { weight: 2, arbitrary: numberWithContext },
      { weight: 1, arbitrary: email },
      { weight: 1, arbitrary: address },
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof({ weight: 6, arbitrary: text }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }) });

const TERMS: readonly string[] = [
  '社外秘',
  'confidential',
  'ガ',
  'fi',
  'i',
  '1',
  '十',
  '三三',
  'σ',
  'ς',
  'ａ',
  '平成',
  'x'.repeat(50),
  '😀',
  'ー',
];
const PATTERNS: readonly string[] = ['/[0-9]{3}/', 'ex*le', '/社外.{0,5}秘/'];

const options = fc.record({
  kinds: fc.option(fc.subarray([...PERSONAL_DATA_KINDS], { minLength: 1 }), { nil: undefined }),
  terms: fc.subarray([...TERMS]),
  patterns: fc.oneof(
    { weight: 4, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.subarray([...PATTERNS], { minLength: 1 }) },
  ),
});

describe('detectAll with the prefilter', () => {
  it('finds exactly what the whole-text reference finds', () => {
    fc.assert(
      fc.property(anyText, options, (sample, chosen) => {
        const custom = chosen.terms.length + chosen.patterns.length > 0 ? compileCustomRules(chosen).rules : undefined;
        const detect = { kinds: chosen.kinds, custom };
        expect(detectAll(sample, detect)).toEqual(referenceDetectAll(sample, detect));
      }),
      { numRuns: 3000 },
    );
  }, 120_000);

  // A sheet's text is rows of short cells, a digit every few units: after its first 40 segments a window
  // is lengthened unit by unit in one loop (WindowBuilder.extendOver), which must stop where a mark, a
  // dash, an @ or 丁目 needs the general path.
  it('finds exactly what the whole-text reference finds in dense rows of cells', () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[0-9]{1,13}$/),
      fc.constantFrom(...VALID_NUMBERS).chain(widths),
      fc.constantFrom(...TRIGGERS, ...AROUND, ...CONTEXT, '顧客', 'x', '.', '\u3099'),
    );
    const rows = fc
      .array(fc.tuple(cell, fc.constantFrom('\t', '\n', '', ' ', '-', 'ｶﾞ')), { minLength: 20, maxLength: 200 })
      .map((cells) => cells.map(([value, separator]) => value + separator).join(''));
    fc.assert(
      fc.property(rows, (sample) => {
        expect(detectAll(sample)).toEqual(referenceDetectAll(sample));
      }),
      { numRuns: 500 },
    );
  }, 120_000);

  // A run of digits is taken as one trigger of as many segments (detection-windows.ts): counted
  // too high, the `@` after it would not reach back over the local part.
  it.each([
    ['digits just before an @ whose local part starts far before them', `${'a'.repeat(45)}${'1'.repeat(15)}@example.com`],
    ['full-width and circled digits just before an @', `${'a'.repeat(45)}${'１'.repeat(14)}①@example.com`],
    ['digits joined by a combining mark', `${'a'.repeat(45)}12\u0301${'3'.repeat(14)}@example.com`],
    ['a digit run at the very start', `${'1'.repeat(20)}${'a'.repeat(44)}@example.com 個人番号 123456789018`],
  ])('finds what the reference finds with %s', (_name, sample) => {
    expect(detectAll(sample)).toEqual(referenceDetectAll(sample));
    expect(detectAll(sample).length).toBeGreaterThan(0);
  });

  it('normalises each window to exactly its slice of the whole text, with the same map', () => {
    fc.assert(
      fc.property(anyText, (sample) => {
        const whole = normalizeWithMap(sample);
        for (const window of detectionWindows(sample, null).windows) {
          const part = normalizeWithMap(sample.slice(window.start, window.end));
          const from = whole.text.length - normalizeWithMap(sample.slice(window.start)).text.length;
          expect(whole.text.slice(from, from + part.text.length)).toBe(part.text);
          const shifted = Array.from({ length: part.text.length }, (_, index) => part.toOriginal(index) + window.start);
          expect(shifted).toEqual(Array.from({ length: part.text.length }, (_, index) => whole.toOriginal(from + index)));
        }
      }),
      { numRuns: 500 },
    );
  }, 120_000);

  // Each window carries where its changing segments start, so normalising it need not read it again: the
  // text and map must be those of reading it (and of the reference), with or without terms as triggers.
  it('normalises each window from the changes the prefilter noted as from reading it', () => {
    const terms = { firstUnits: new Set(['社', 'c', 'ガ', 'f', 'x', '十'].map((term) => term.charCodeAt(0))), longest: 12 };
    const mapOf = (normalized: ReturnType<typeof normalizeWithMap>) =>
      Array.from({ length: normalized.text.length + 1 }, (_, index) => [
        normalized.toOriginal(index),
        normalized.toOriginalSpan(index, index + 1),
      ]);
    fc.assert(
      fc.property(anyText, fc.boolean(), (sample, withTerms) => {
        for (const window of detectionWindows(sample, withTerms ? terms : null).windows) {
          const slice = sample.slice(window.start, window.end);
          const noted = normalizeWithMap(slice, window.changes);
          const read = referenceNormalizeWithMap(slice);
          expect(noted.text).toBe(read.text);
          expect(mapOf(noted)).toEqual(mapOf(read));
        }
      }),
      { numRuns: 500 },
    );
  }, 120_000);

  // detectAll tells normalizeWithMap where each window starts, so its detectors' matches come out in the
  // text's own coordinates without being shifted one by one.
  it('maps a window into the text it was cut from when told where it starts', () => {
    const mapOf = (normalized: ReturnType<typeof normalizeWithMap>, shift: number) =>
      Array.from({ length: normalized.text.length + 2 }, (_, index) => {
        const span = normalized.toOriginalSpan(index - 1, index + 1);
        return [normalized.toOriginal(index) + shift, span.start + shift, span.end + shift];
      });
    fc.assert(
      fc.property(anyText, (sample) => {
        for (const window of detectionWindows(sample, null).windows) {
          const slice = sample.slice(window.start, window.end);
          const placed = normalizeWithMap(slice, window.changes, window.start);
          const alone = normalizeWithMap(slice, window.changes);
          expect(placed.text).toBe(alone.text);
          expect(mapOf(placed, 0)).toEqual(mapOf(alone, window.start));
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  // A window with a change every few units is written as UTF-16 units and decoded once (normalize.ts,
  // NormalizedBuilder): it needs a thousand changes or so, hence the long texts, and must keep what a
  // decoder could lose, a leading U+FEFF and lone surrogates.
  it('normalises a window dense in changes as reading it does', () => {
    // Surrogates are rare, so the units between them fill the buffer past what fromCharCode takes.
    const piece = fc.oneof(
      { weight: 40, arbitrary: fc.constantFrom('１', '－', '1', 'x', 'あ', '\t', 'ｶﾞ', '\uFEFF', '㍻', '⼭', '1ー2', 'ab', '①') },
      { weight: 1, arbitrary: fc.constantFrom('\uD800', '\uDC00', '😀') },
    );
    const long = fc
      .tuple(fc.constantFrom('', '\uFEFF', '\uDC00'), fc.array(piece, { minLength: 1500, maxLength: 3000 }))
      .map(([first, pieces]) => first + pieces.join(''));
    fc.assert(
      fc.property(long, (sample) => {
        for (const window of detectionWindows(sample, null).windows) {
          const slice = sample.slice(window.start, window.end);
          const noted = normalizeWithMap(slice, window.changes);
          const read = referenceNormalizeWithMap(slice);
          expect(noted.text).toBe(read.text);
          for (let index = 0; index <= read.text.length; index += 1) {
            expect(noted.toOriginalSpan(index, index + 1)).toEqual(read.toOriginalSpan(index, index + 1));
          }
        }
      }),
      // Shrinking texts this long would take minutes: a failure is reported as found.
      { numRuns: 40, endOnFailure: true },
    );
  }, 120_000);

  it('keeps windows in order and apart, and leaves text without triggers out', () => {
    fc.assert(
      fc.property(anyText, (sample) => {
        const { windows } = detectionWindows(sample, null);
        let previousEnd = -1;
        for (const window of windows) {
          expect(window.start).toBeGreaterThan(previousEnd);
          expect(window.end).toBeGreaterThan(window.start);
          previousEnd = window.end;
        }
        expect(previousEnd).toBeLessThanOrEqual(sample.length);
      }),
      { numRuns: 300 },
    );
    expect(detectionWindows('いつもお世話になっております。ご確認ください。'.repeat(50), null).windows).toEqual([]);
  });
});

describe('normalizeWithMap', () => {
  it('gives the text and map of the segment-by-segment reference', () => {
    fc.assert(
      fc.property(anyText, (sample) => {
        const fast = normalizeWithMap(sample);
        const reference = referenceNormalizeWithMap(sample);
        expect(fast.text).toBe(reference.text);
        const spans = (normalized: typeof fast) =>
          Array.from({ length: fast.text.length + 1 }, (_, index) => [
            normalized.toOriginal(index),
            normalized.toOriginalSpan(index, index + 1),
          ]);
        expect(spans(fast)).toEqual(spans(reference));
      }),
      { numRuns: 500 },
    );
  }, 120_000);
});
