import { cardBrand } from '../card-brand.js';
import { passesLuhn } from '../checksums.js';
import { hasContextWord } from '../context.js';
import { maskDigits } from '../mask.js';
import { toMatches, type Candidate, type Match } from '../match.js';
import type { NormalizedText } from '../normalize.js';
import { hasGroups, numbersIn, type WrittenNumber } from './numbers.js';

export const PAYMENT_CARD_CONTEXT: readonly string[] = [
  'カード番号',
  'クレジット',
  'card number',
  'card no',
  'credit card',
  'visa',
  'mastercard',
  'jcb',
  'amex',
  'american express',
  'diners',
  'discover',
  '有効期限',
  'セキュリティコード',
  'cvv',
  'cvc',
];

/** How cards are printed: 4-4-4-4 (and 4-4-4-4-3 for 19 digits), Amex 4-6-5, Diners 4-6-4. */
const PRINTED_GROUPS: readonly (readonly number[])[] = [
  [4, 4, 4, 4],
  [4, 4, 4, 4, 3],
  [4, 6, 5],
  [4, 6, 4],
];

function isPrinted(number: WrittenNumber): boolean {
  return PRINTED_GROUPS.some((groups) => hasGroups(number, groups));
}

function hasCardLength(digitCount: number): boolean {
  return digitCount >= 13 && digitCount <= 19;
}

/** 13–19 digits passing Luhn in a known IIN range; high when grouped as printed or near a context word. */
export function detectPaymentCards(input: NormalizedText): Match[] {
  const candidates: Candidate[] = [];
  for (const number of numbersIn(input, hasCardLength)) {
    const { digits } = number;
    if (!passesLuhn(digits) || cardBrand(digits) === null) continue;
    const evidence = isPrinted(number) || hasContextWord(input.text, number.start, number.end, PAYMENT_CARD_CONTEXT);
    candidates.push({
      kind: 'payment-card',
      start: number.start,
      end: number.end,
      masked: maskDigits(digits),
      confidence: evidence ? 'high' : 'low',
    });
  }
  return toMatches(input, candidates);
}
