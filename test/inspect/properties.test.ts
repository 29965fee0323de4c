import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileCustomRules,
  compilePattern,
  detectAddresses,
  detectAll,
  detectBankAccounts,
  detectCorporateNumbers,
  detectCustom,
  detectEmails,
  detectMyNumbers,
  detectPaymentCards,
  detectPhones,
  detectPostalCodes,
  normalizeWithMap,
  type Detector,
  type Match,
} from '../../src/inspect/index.js';
import { DASH_VARIANTS } from './found.js';

const FRAGMENTS: readonly string[] = [
  ...'0123456789０１２３４５６７８９',
  ...DASH_VARIANTS,
  ' ',
  '\u3000',
  '\n',
  '(',
  ')',
  '+81',
  '+',
  '@',
  '＠',
  '.',
  'T',
  'a',
  'ｶﾞ',
  '\u3099',
  '㍻',
  'ﬁ',
  '😀',
  '\uD800',
  '\uDC00',
  '〒',
  '郵便番号',
  'マイナンバー',
  '法人番号',
  'カード',
  'ゆうちょ',
  '記号',
  '番号',
  '普通',
  '口座番号',
  '円',
  '東京都',
  '千代⽥区',
  '港区',
  '丁目',
  '番地',
  '号',
  '一',
  '三田',
];

const mixed = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), mixed);

const DETECTORS: readonly (readonly [string, Detector])[] = [
  ['my-number', detectMyNumbers],
  ['corporate-number', detectCorporateNumbers],
  ['payment-card', detectPaymentCards],
  ['phone', detectPhones],
  ['postal-code', detectPostalCodes],
  ['address', detectAddresses],
  ['email', detectEmails],
  ['bank-account', detectBankAccounts],
];

function expectWithin(text: string, matches: readonly Match[]): void {
  for (const match of matches) {
    expect(match.start).toBeGreaterThanOrEqual(0);
    expect(match.end).toBeGreaterThan(match.start);
    expect(match.end).toBeLessThanOrEqual(text.length);
    expect(typeof match.masked).toBe('string');
  }
}

describe('properties over arbitrary text', () => {
  it('normalisation maps every index into the source, monotonically', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const normalized = normalizeWithMap(text);
        let previous = 0;
        for (let index = 0; index <= normalized.text.length; index += 1) {
          const original = normalized.toOriginal(index);
          expect(original).toBeGreaterThanOrEqual(previous);
          expect(original).toBeLessThanOrEqual(text.length);
          previous = original;
        }
        expect(normalized.toOriginal(normalized.text.length)).toBe(text.length);
      }),
      { numRuns: 300 },
    );
  });

  it.each(DETECTORS)('%s never throws and keeps spans inside the original text', (_kind, detector) => {
    fc.assert(
      fc.property(anyText, (text) => {
        expectWithin(text, detector(normalizeWithMap(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('detectAll returns non-overlapping personal data in text order', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const matches = detectAll(text);
        expectWithin(text, matches);
        for (let index = 1; index < matches.length; index += 1) {
          expect(matches[index]?.start).toBeGreaterThanOrEqual(matches[index - 1]?.end ?? 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('any pattern source compiles to a program or an error value, and searching with it ends', () => {
    const source = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.array(fc.constantFrom(...'/()[]{}|*+?.\\^$-,0123dswDSWab社秘'), { maxLength: 30 }).map((parts) => `/${parts.join('')}/`),
    );
    fc.assert(
      fc.property(source, anyText, (pattern, text) => {
        const compiled = compilePattern(pattern);
        if (!compiled.ok) {
          expect(typeof compiled.error.code).toBe('string');
          return;
        }
        const { rules } = compileCustomRules({ patterns: [pattern], terms: [pattern] });
        expectWithin(text, detectCustom(normalizeWithMap(text), rules));
      }),
      { numRuns: 500 },
    );
  });
});

function myNumberCheckDigit(base: string): string {
  let sum = 0;
  for (let position = 1; position <= 11; position += 1) {
    sum += Number(base.charAt(11 - position)) * (position <= 6 ? position + 1 : position - 5);
  }
  const remainder = sum % 11;
  return String(remainder <= 1 ? 0 : 11 - remainder);
}

function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let index = 0; index < body.length; index += 1) {
    let digit = Number(body.charAt(body.length - 1 - index));
    if (index % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

describe('masking over generated valid numbers', () => {
  const digits = (length: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((list) => list.join(''));

  it('a valid My Number is found and masked to its first and last four digits', () => {
    fc.assert(
      fc.property(digits(11), (base) => {
        const number = base + myNumberCheckDigit(base);
        const matches = detectAll(`個人番号 ${number}`);
        expect(matches.map((match) => [match.kind, match.masked])).toEqual([
          ['my-number', `${number.slice(0, 4)} **** ${number.slice(8)}`],
        ]);
      }),
    );
  });

  it('a valid 16-digit Visa number is found and its middle eight digits never appear', () => {
    fc.assert(
      fc.property(digits(14), (middle) => {
        const body = `4${middle}`;
        const number = body + luhnCheckDigit(body);
        const [match] = detectPaymentCards(normalizeWithMap(`card ${number.replace(/(\d{4})(?=\d)/g, '$1 ')}`));
        expect(match?.masked).toBe(`${number.slice(0, 4)} **** ${number.slice(12)}`);
        expect(match?.masked.replace(/\D/g, '')).toHaveLength(8);
      }),
    );
  });
});

describe('adversarial inputs finish', () => {
  const inputs: readonly (readonly [string, string])[] = [
    ['a long digit run', '0'.repeat(200_000)],
    ['spaced digit groups', '1234 '.repeat(40_000)],
    ['hyphenated digit groups', '090-'.repeat(40_000)],
    ['many @ signs', 'a@'.repeat(100_000)],
    ['a long local part', `${'a'.repeat(200_000)}@example.com`],
    ['prefectures followed by long text', `東京都港区${'三'.repeat(50_000)}1-2`.repeat(4)],
    ['markers without codes', '〒郵便番号'.repeat(40_000)],
    ['labels without numbers', '普通記号番号'.repeat(40_000)],
  ];
  it.each(inputs)('%s', (_name, text) => {
    expectWithin(text, detectAll(text));
  });
});
