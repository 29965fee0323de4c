import { digitScan, hasRunOf, isDigitAt } from '../digit-scan.js';
import { hasContextWord } from '../context.js';
import { digitsOf, maskDigits } from '../mask.js';
import { toMatches, type Candidate, type Match } from '../match.js';
import type { NormalizedText } from '../normalize.js';
import { hasGroups, numbersIn } from './numbers.js';

// Japanese account numbers have no public check digit (docs/inspection.md, "Detectors"), so only context makes them
// findings: a deposit type or 口座 shortly before 7 digits, or ゆうちょ's 記号 (5 digits, 1xxxx) and
// 番号 (up to 8 digits ending in 1).

const ACCOUNT = /(?:口座番号|普通|当座|貯蓄|口座)(?:預金)?[^0-9\n]{0,12}([0-9]{7})(?![0-9])/g;
const YUCHO_LABELLED = /記号[^0-9\n]{0,6}(1[0-9]{4})(?![0-9])[^0-9\n]{0,12}番号[^0-9\n]{0,6}([0-9]{1,8})(?![0-9])/g;
export const YUCHO_CONTEXT: readonly string[] = ['ゆうちょ', 'yucho', 'japan post bank'];

function followedByMoreDigits(text: string, end: number): boolean {
  return text.charAt(end) === '-' && isDigitAt(text, end + 1);
}

function followedByAmount(text: string, end: number): boolean {
  const rest = text.slice(end, end + 2).trim();
  return rest.charAt(0) === '円';
}

function candidate(text: string, start: number, end: number): Candidate {
  return { kind: 'bank-account', start, end, masked: maskDigits(digitsOf(text.slice(start, end))), confidence: 'high' };
}

export function labelledAccounts(text: string): Candidate[] {
  const found: Candidate[] = [];
  ACCOUNT.lastIndex = 0;
  let hit = ACCOUNT.exec(text);
  while (hit) {
    const end = hit.index + hit[0].length;
    const start = end - 7;
    if (!followedByMoreDigits(text, end) && !followedByAmount(text, end)) found.push(candidate(text, start, end));
    hit = ACCOUNT.exec(text);
  }
  return found;
}

export function labelledYucho(text: string): Candidate[] {
  const found: Candidate[] = [];
  YUCHO_LABELLED.lastIndex = 0;
  let hit = YUCHO_LABELLED.exec(text);
  while (hit) {
    const end = hit.index + hit[0].length;
    const start = hit.index + hit[0].search(/[0-9]/);
    if (hit[2]?.slice(-1) === '1' && !followedByMoreDigits(text, end)) found.push(candidate(text, start, end));
    hit = YUCHO_LABELLED.exec(text);
  }
  return found;
}

/** 記号 (5 digits) and 番号 (1 to 8): two groups of 6 to 13 digits, told before a number is built. */
function isYuchoShape(digitCount: number, groupCount: number): boolean {
  return groupCount === 2 && digitCount >= 6 && digitCount <= 13;
}

/** `10150-12345671` near ゆうちょ. */
function groupedYucho(input: NormalizedText): Candidate[] {
  const { text } = input;
  const found: Candidate[] = [];
  for (const number of numbersIn(input, isYuchoShape)) {
    if (!hasGroups(number, [5, number.groups[1] ?? 0])) continue;
    const account = number.digits.slice(5);
    if (number.digits.charAt(0) !== '1' || account.length > 8 || account.slice(-1) !== '1') continue;
    if (hasContextWord(text, number.start, number.end, YUCHO_CONTEXT)) found.push(candidate(text, number.start, number.end));
  }
  return found;
}

/** The labelled accounts given, with the grouped ゆうちょ numbers; one finding per start, the longest. */
export function accountsAmong(input: NormalizedText, labelled: readonly Candidate[]): Match[] {
  const byStart = new Map<number, Candidate>();
  for (const found of labelled.concat(groupedYucho(input))) {
    const existing = byStart.get(found.start);
    if (!existing || found.end > existing.end) byStart.set(found.start, found);
  }
  return toMatches(
    input,
    Array.from(byStart.values()).sort((left, right) => left.start - right.start),
  );
}

/** Bank and ゆうちょ account numbers, found only next to their labels. */
export function detectBankAccounts(input: NormalizedText): Match[] {
  // Each label pattern ends in a whole run of digits (7, or 5 starting with 1): without one, it cannot match.
  const scan = digitScan(input);
  const accounts = hasRunOf(scan, 7) ? labelledAccounts(input.text) : [];
  const yucho = hasRunOf(scan, 5, '1') ? labelledYucho(input.text) : [];
  return accountsAmong(input, accounts.concat(yucho));
}
