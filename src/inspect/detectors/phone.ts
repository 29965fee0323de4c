import { digitScan, isDigitAt } from '../digit-scan.js';
import { digitsOf, maskDigits } from '../mask.js';
import { toMatches, type Candidate, type Match } from '../match.js';
import type { NormalizedText } from '../normalize.js';

// Japanese numbers as written (docs/inspection.md, "Detectors", 総務省 電気通信番号計画): fixed lines are 10 digits with
// an area code of 2–5 digits and a 4-digit subscriber number; 070/080/090 mobile and 050 IP are 11
// digits written 3-4-4; 0120 and 0570 are 10 digits (4-3-3 or 4-2-4); 0800 is 11 (4-3-4). `+81`
// replaces the leading 0, optionally followed by `(0)`.

/** The digit groups and where they sit, as parsed from the text. */
interface WrittenPhone {
  readonly start: number;
  readonly end: number;
  /** National digit groups; the first includes the leading 0 (added back for `+81`). */
  readonly groups: readonly string[];
  /** The separator that ties the last two groups, which must not continue into more digits. */
  readonly trailingSeparator: string;
  readonly international: boolean;
}

const MOBILE_OR_IP = /^0[5789]0$/;
const NON_GEOGRAPHIC = /^(?:0120|0570|0800|0990|0180|0[5789]0)/;

function readDigits(text: string, from: number): number {
  let index = from;
  while (index < text.length && isDigitAt(text, index)) index += 1;
  return index;
}

/** Whether three groups have the lengths given, compared without writing the shape out as text. */
function hasShape(groups: readonly string[], first: number, second: number, third: number): boolean {
  return groups[0]?.length === first && groups[1]?.length === second && groups[2]?.length === third;
}

/** Whether the digit groups (leading 0 included) form a Japanese number written in a usual grouping. */
function isValidPhoneGrouping(groups: readonly string[]): boolean {
  const digits = groups.join('');
  const first = groups[0] ?? '';
  if (!/^0[1-9]/.test(digits)) return false;
  if (groups.length === 1) {
    if (/^0[5789]0/.test(digits) || digits.indexOf('0800') === 0) return digits.length === 11;
    if (digits.indexOf('0120') === 0 || digits.indexOf('0570') === 0) return digits.length === 10;
    return digits.length === 10 && !NON_GEOGRAPHIC.test(digits);
  }
  if (groups.length !== 3) return false;
  if (MOBILE_OR_IP.test(first)) return hasShape(groups, 3, 4, 4);
  if (first === '0120' || first === '0570') return hasShape(groups, 4, 3, 3) || hasShape(groups, 4, 2, 4);
  if (first === '0800') return hasShape(groups, 4, 3, 4);
  if (NON_GEOGRAPHIC.test(digits)) return false;
  const second = groups[1] ?? '';
  const third = groups[2] ?? '';
  return digits.length === 10 && first.length >= 2 && first.length <= 5 && second.length >= 1 && third.length === 4;
}

/** `+81`, an optional separator, an optional `(0)` and separator; returns where the national digits start. */
function readInternationalPrefix(text: string, at: number): number {
  if (text.slice(at, at + 3) !== '+81') return -1;
  let index = at + 3;
  if (text.charAt(index) === ' ' || text.charAt(index) === '-') index += 1;
  if (text.slice(index, index + 3) === '(0)') {
    index += 3;
    if (text.charAt(index) === ' ' || text.charAt(index) === '-') index += 1;
  }
  return isDigitAt(text, index) && text.charAt(index) !== '0' ? index : -1;
}

/** Reads `A-B-C`, `A B C`, `(A)B-C`, `(A) B C`, `A(B)C` or bare `ABC` starting at `at`. */
function readPhone(text: string, at: number): WrittenPhone | null {
  let index = at;
  const nationalStart = readInternationalPrefix(text, at);
  const international = nationalStart >= 0;
  let parenthesisedArea = false;
  if (international) index = nationalStart;
  else if (text.charAt(index) === '(') {
    parenthesisedArea = true;
    index += 1;
  }
  if (!isDigitAt(text, index)) return null;
  const areaEnd = readDigits(text, index);
  const area = text.slice(index, areaEnd);
  const prefix = international ? '0' : '';
  index = areaEnd;

  let firstSeparator = text.charAt(index);
  if (parenthesisedArea) {
    if (firstSeparator !== ')') return null;
    index += 1;
    if (text.charAt(index) === ' ') index += 1;
  } else if ((firstSeparator === '-' || firstSeparator === ' ' || firstSeparator === '(') && isDigitAt(text, index + 1)) {
    index += 1;
  } else {
    return { start: at, end: areaEnd, groups: [prefix + area], trailingSeparator: '', international };
  }
  if (!isDigitAt(text, index)) return null;
  const exchangeEnd = readDigits(text, index);
  const exchange = text.slice(index, exchangeEnd);
  index = exchangeEnd;

  const secondSeparator = text.charAt(index);
  if (firstSeparator === '(') {
    if (secondSeparator !== ')') return null;
  } else if (firstSeparator === ')') {
    if (secondSeparator !== '-' && secondSeparator !== ' ') return null;
    firstSeparator = secondSeparator;
  } else if (secondSeparator !== firstSeparator) {
    return null;
  }
  index += 1;
  if (!isDigitAt(text, index)) return null;
  const subscriberEnd = readDigits(text, index);
  return {
    start: at,
    end: subscriberEnd,
    groups: [prefix + area, exchange, text.slice(index, subscriberEnd)],
    trailingSeparator: firstSeparator === '(' ? '' : firstSeparator,
    international,
  };
}

/** A number may not be the tail of a longer number joined by its own separator (`1-03-1234-5678`). */
function startsCleanly(text: string, phone: WrittenPhone): boolean {
  const at = phone.start;
  if (at === 0) return true;
  const before = text.charAt(at - 1);
  if (isDigitAt(text, at - 1) || before === '+') return false;
  if (!isDigitAt(text, at - 2)) return true;
  return !(before === '-' || (before === ' ' && phone.trailingSeparator === ' '));
}

function endsCleanly(text: string, phone: WrittenPhone): boolean {
  const after = text.charAt(phone.end);
  if (after === '-' && isDigitAt(text, phone.end + 1)) return false;
  return !(phone.trailingSeparator === ' ' && after === ' ' && isDigitAt(text, phone.end + 1));
}

/**
 * Where a number can start: a `0` that begins a digit run, or the `(` or `+` (of `+81`) just before a
 * run. So only the unit before each run and its first digit are candidates (digit-scan.ts).
 */
export function isPhoneStart(text: string, index: number): boolean {
  if (index > 0 && isDigitAt(text, index - 1)) return false;
  const character = text.charAt(index);
  if (character === '0') return true;
  if (character === '(') return text.charAt(index + 1) === '0';
  return character === '+' && text.charAt(index + 1) === '8' && text.charAt(index + 2) === '1';
}

/** The number that starts at `at` (where isPhoneStart holds), or null. */
export function phoneAt(text: string, at: number): Candidate | null {
  const phone = readPhone(text, at);
  if (!phone || !startsCleanly(text, phone) || !endsCleanly(text, phone) || !isValidPhoneGrouping(phone.groups)) return null;
  const digits = phone.groups.join('');
  const bare = phone.groups.length === 1 && !phone.international;
  return {
    kind: 'phone',
    start: phone.start,
    end: phone.end,
    masked: maskDigits(digitsOf(digits)),
    confidence: bare && !/^0[789]0/.test(digits) ? 'low' : 'high',
  };
}

/** Japanese fixed, mobile, IP, toll-free and +81 numbers; high when written with separators or as a bare mobile. */
export function detectPhones(input: NormalizedText): Match[] {
  const { text } = input;
  const { starts } = digitScan(input);
  const candidates: Candidate[] = [];
  // A number found hides every start inside it, as reading on from its end would.
  let readFrom = 0;
  for (let run = 0; run < starts.length; run += 1) {
    const start = starts[run] ?? 0;
    for (let at = start - 1; at <= start; at += 1) {
      if (at < readFrom || !isPhoneStart(text, at)) continue;
      const phone = phoneAt(text, at);
      if (!phone) continue;
      candidates.push(phone);
      readFrom = phone.end;
    }
  }
  return toMatches(input, candidates);
}
