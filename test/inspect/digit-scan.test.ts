import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numbersIn } from '../../src/inspect/detectors/numbers.js';
import { detectBankAccounts, detectPhones, detectPostalCodes, normalizeWithMap } from '../../src/inspect/index.js';
import { referenceWrittenNumbers } from './reference/numbers-reference.js';
import { referenceDetectBankAccounts, referenceDetectPhones, referenceDetectPostalCodes } from './reference/scans-reference.js';

// The number detectors read digit runs from one shared scan (src/inspect/digit-scan.ts) instead of
// walking the text each. What that scan decides is where a number, phone or code can start and end: the
// edges of runs, the unit before a run, separators between runs, the text's own start and end. The texts
// here are dense in exactly those, and must give what looking everywhere gave.

const PIECES: readonly string[] = [
  '0',
  '1',
  '8',
  '81',
  '03',
  '090',
  '100',
  '0120',
  '1234',
  '4567',
  '10150',
  '1234567',
  '12345671',
  '123456789018',
  '7000012050002',
  '4111111111111111',
  ' ',
  '  ',
  '-',
  '--',
  ':',
  '(',
  ')',
  '(0)',
  '+',
  '+81',
  '〒',
  '郵便番号',
  '東京都',
  '大阪府',
  'ゆうちょ',
  '個人番号',
  '普通',
  '口座',
  '預金',
  '記号',
  '番号',
  '12345',
  '円',
  'x',
  'あ',
  '\n',
];

const dense = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));
const sample = fc.oneof({ weight: 5, arbitrary: dense }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) });

describe('the shared digit scan', () => {
  it('yields every whole number the run-by-run reading yielded, in the same order', () => {
    fc.assert(
      fc.property(sample, (text) => {
        expect(numbersIn(normalizeWithMap(text), () => true)).toEqual(referenceWrittenNumbers(normalizeWithMap(text).text));
      }),
      { numRuns: 1000 },
    );
  });

  // From 65,536 units the numbers are grouped by shape and each detector reads only its shapes
  // (digit-scan.ts, numbersByShape): several shapes at once, and numbers longer or in more groups than a
  // shape's key holds, must come out as reading every number did.
  it('yields the wanted numbers of a large text in the same order as reading every number', () => {
    const part = fc.oneof(
      fc.constantFrom(...PIECES),
      fc.stringMatching(/^[0-9]{1,6}$/),
      fc.stringMatching(/^[0-9]{20,40}$/),
      fc.array(fc.constantFrom('1', '12', '1234'), { minLength: 6, maxLength: 12 }).map((groups) => groups.join('-')),
    );
    const large = fc
      .array(fc.tuple(part, fc.constantFrom('x', 'x', ' ', '-')), { maxLength: 300 })
      .map((parts) => `${'x'.repeat(1 << 16)}${parts.map(([value, separator]) => value + separator).join('')}`);
    const shape = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 2 })),
      fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 })),
    );
    fc.assert(
      fc.property(large, fc.array(shape, { maxLength: 4 }), (text, shapes) => {
        const input = normalizeWithMap(text);
        const wanted = (digits: number, groups: number): boolean => shapes.some(([d, g]) => digits === d && groups === g) || digits > 32;
        const expected = referenceWrittenNumbers(input.text).filter((number) => wanted(number.digits.length, number.groups.length));
        expect(numbersIn(input, wanted)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('hands each shape test the digit and group counts of every number', () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 4 }), (text, digitCount, groupCount) => {
        const input = normalizeWithMap(text);
        const wanted = (digits: number, groups: number): boolean => digits === digitCount && groups === groupCount;
        const expected = referenceWrittenNumbers(input.text).filter((number) => wanted(number.digits.length, number.groups.length));
        expect(numbersIn(input, wanted)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['phones', detectPhones, referenceDetectPhones],
    ['postal codes', detectPostalCodes, referenceDetectPostalCodes],
    ['bank accounts', detectBankAccounts, referenceDetectBankAccounts],
  ] as const)('finds the %s that looking at every position found', (_kind, detector, reference) => {
    fc.assert(
      fc.property(sample, (text) => {
        const input = normalizeWithMap(text);
        expect(detector(input)).toEqual(reference(input));
      }),
      { numRuns: 1000 },
    );
  });

  // From 65,536 units the runs and numbers are kept in typed arrays (digit-scan.ts, IntList), which grow
  // as they fill: a long text must give what the short texts' plain arrays give.
  it('reads a text long enough for typed arrays as it reads short ones', () => {
    const long = fc.array(dense, { minLength: 1, maxLength: 20 }).map((parts) => {
      let text = parts.join('\n');
      while (text.length < 70_000) text += `\n${text}`;
      return text;
    });
    fc.assert(
      fc.property(long, (text) => {
        const input = normalizeWithMap(text);
        expect(numbersIn(input, () => true)).toEqual(referenceWrittenNumbers(input.text));
        expect(detectPhones(input)).toEqual(referenceDetectPhones(input));
        expect(detectPostalCodes(input)).toEqual(referenceDetectPostalCodes(input));
        expect(detectBankAccounts(input)).toEqual(referenceDetectBankAccounts(input));
      }),
      { numRuns: 10, endOnFailure: true },
    );
  }, 120_000);

  it.each([
    ['a number at the very start', '0312345678'],
    ['a parenthesised area code at the start', '(03)1234-5678'],
    ['+81 at the start', '+81 90-1234-5678'],
    ['a code right after the marker at the start', '〒1000001'],
    ['three spaces after the marker', '〒   100-0001'],
    ['four spaces after the marker', '〒    100-0001'],
    ['a colon and spaces after 郵便番号', '郵便番号: 100-0001'],
    ['a hyphenated tail before a prefecture', '1-100-0001 東京都'],
    ['a phone ending where the text ends', '電話 03-1234-5678'],
    ['a phone inside a longer chain', '1-03-1234-5678'],
    ['an account right after its label', '普通1234567'],
    ['ゆうちょ 記号 and 番号', '記号 10150 番号 12345671'],
  ])('%s', (_name, text) => {
    const input = normalizeWithMap(text);
    expect(detectPhones(input)).toEqual(referenceDetectPhones(input));
    expect(detectPostalCodes(input)).toEqual(referenceDetectPostalCodes(input));
    expect(detectBankAccounts(input)).toEqual(referenceDetectBankAccounts(input));
    expect(numbersIn(input, () => true)).toEqual(referenceWrittenNumbers(input.text));
  });
});
