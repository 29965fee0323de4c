// How phone numbers, postal codes and labelled accounts were found before the shared digit scan
// (src/inspect/digit-scan.ts): phones tried at every unit of the text, postal codes read after every
// marker and before every hyphen, the account labels searched whatever runs the text holds. What makes a
// finding is src's own; only where it is looked for is kept here, so the property tests
// (detect-windows.test.ts, digit-scan.test.ts) check that the scan misses none.
import { accountsAmong, labelledAccounts, labelledYucho } from '../../../src/inspect/detectors/bank-account.js';
import { isPhoneStart, phoneAt } from '../../../src/inspect/detectors/phone.js';
import { postalCandidate, readCode, skipGap } from '../../../src/inspect/detectors/postal-code.js';
import { prefectureAt } from '../../../src/inspect/detectors/prefectures.js';
import { isDigitAt } from '../../../src/inspect/digit-scan.js';
import { toMatches, type Candidate, type Match } from '../../../src/inspect/match.js';
import type { NormalizedText } from '../../../src/inspect/normalize.js';

export function referenceDetectPhones(input: NormalizedText): Match[] {
  const { text } = input;
  const candidates: Candidate[] = [];
  let index = 0;
  while (index < text.length) {
    const phone = isPhoneStart(text, index) ? phoneAt(text, index) : null;
    if (!phone) {
      index += 1;
      continue;
    }
    candidates.push(phone);
    index = phone.end;
  }
  return toMatches(input, candidates);
}

function afterMarkers(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const marker of ['〒', '郵便番号']) {
    let at = text.indexOf(marker);
    while (at >= 0) {
      const start = skipGap(text, at + marker.length);
      const end = readCode(text, start);
      if (end >= 0) found.push(postalCandidate(text, start, end));
      at = text.indexOf(marker, at + marker.length);
    }
  }
  return found;
}

function beforePrefectures(text: string): Candidate[] {
  const found: Candidate[] = [];
  let at = text.indexOf('-');
  while (at >= 0) {
    const start = at - 3;
    const startsCleanly = start >= 0 && !isDigitAt(text, start - 1) && !(text.charAt(start - 1) === '-' && isDigitAt(text, start - 2));
    const end = startsCleanly ? readCode(text, start) : -1;
    if (end >= 0 && prefectureAt(text, skipGap(text, end)) !== null) found.push(postalCandidate(text, start, end));
    at = text.indexOf('-', at + 1);
  }
  return found;
}

export function referenceDetectPostalCodes(input: NormalizedText): Match[] {
  const byStart = new Map<number, Candidate>();
  for (const found of afterMarkers(input.text).concat(beforePrefectures(input.text))) byStart.set(found.start, found);
  const candidates = Array.from(byStart.values()).sort((left, right) => left.start - right.start);
  return toMatches(input, candidates);
}

export function referenceDetectBankAccounts(input: NormalizedText): Match[] {
  return accountsAmong(input, labelledAccounts(input.text).concat(labelledYucho(input.text)));
}
