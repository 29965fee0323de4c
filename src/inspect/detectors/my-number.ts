import { isValidMyNumber } from '../checksums.js';
import { hasContextWord } from '../context.js';
import { maskDigits } from '../mask.js';
import { toMatches, type Candidate, type Match } from '../match.js';
import type { NormalizedText } from '../normalize.js';
import { hasGroups, numbersIn } from './numbers.js';

export const MY_NUMBER_CONTEXT: readonly string[] = [
  'マイナンバー',
  '個人番号',
  'my number',
  'mynumber',
  'my no.',
  '通知カード',
  'individual number',
];

function isTwelveDigits(digitCount: number, groupCount: number): boolean {
  return digitCount === 12 && (groupCount === 1 || groupCount === 3);
}

/** 個人番号: 12 digits, ungrouped or 4-4-4, passing the statutory check; high with a context word or 4-4-4. */
export function detectMyNumbers(input: NormalizedText): Match[] {
  const candidates: Candidate[] = [];
  for (const number of numbersIn(input, isTwelveDigits)) {
    const grouped = hasGroups(number, [4, 4, 4]);
    if (!grouped && !hasGroups(number, [12])) continue;
    if (!isValidMyNumber(number.digits)) continue;
    const context = hasContextWord(input.text, number.start, number.end, MY_NUMBER_CONTEXT);
    candidates.push({
      kind: 'my-number',
      start: number.start,
      end: number.end,
      masked: maskDigits(number.digits),
      confidence: grouped || context ? 'high' : 'low',
    });
  }
  return toMatches(input, candidates);
}
