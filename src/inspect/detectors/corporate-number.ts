import { isValidCorporateNumber } from '../checksums.js';
import { hasContextWord } from '../context.js';
import { maskDigits } from '../mask.js';
import { toMatches, type Candidate, type Match } from '../match.js';
import type { NormalizedText } from '../normalize.js';
import { hasGroups, numbersIn } from './numbers.js';

/** 登録番号 and インボイス: an invoice registration number is `T` followed by the corporate number. */
export const CORPORATE_NUMBER_CONTEXT: readonly string[] = ['法人番号', 'corporate number', '登録番号', 'インボイス', '適格請求書'];

function isThirteenUngrouped(digitCount: number, groupCount: number): boolean {
  return digitCount === 13 && groupCount === 1;
}

/** 法人番号: 13 digits passing the check digit; high with a context word or the invoice `T` prefix. */
export function detectCorporateNumbers(input: NormalizedText): Match[] {
  const candidates: Candidate[] = [];
  const { text } = input;
  for (const number of numbersIn(input, isThirteenUngrouped)) {
    if (!hasGroups(number, [13]) || !isValidCorporateNumber(number.digits)) continue;
    const invoicePrefix = number.start > 0 && (text.charAt(number.start - 1) === 'T' || text.charAt(number.start - 1) === 't');
    const context = invoicePrefix || hasContextWord(text, number.start, number.end, CORPORATE_NUMBER_CONTEXT);
    candidates.push({
      kind: 'corporate-number',
      start: number.start,
      end: number.end,
      masked: maskDigits(number.digits),
      confidence: context ? 'high' : 'low',
    });
  }
  return toMatches(input, candidates);
}
