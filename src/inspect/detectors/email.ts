import { maskEmail } from '../mask.js';
import { toMatches, type Candidate, type Match } from '../match.js';
import type { NormalizedText } from '../normalize.js';

// The WHATWG "valid e-mail address" (docs/inspection.md, "Detectors"), scanned outward from each `@` by hand: a regex
// starting with the local part retries every position of a long run without `@`, which can be quadratic.

const LOCAL_MAX = 64;
const DOMAIN_MAX = 253;
const LABEL_MAX = 63;

const ALPHANUMERIC = 1;
const LABEL = 2;
const LOCAL = 4;
const ALPHANUMERICS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Per ASCII unit, which parts of an address it may be in: looked up, as every unit around an `@` is tested. */
const UNIT_CLASSES = new Uint8Array(128);
function mark(characters: string, flag: number): void {
  for (let index = 0; index < characters.length; index += 1) {
    const unit = characters.charCodeAt(index);
    UNIT_CLASSES[unit] = (UNIT_CLASSES[unit] ?? 0) | flag;
  }
}
mark(ALPHANUMERICS, ALPHANUMERIC | LABEL | LOCAL);
mark('-', LABEL | LOCAL);
mark(".!#$%&'*+/=?^_`{|}~", LOCAL);

function hasClass(unit: number, flag: number): boolean {
  return unit < 128 && ((UNIT_CLASSES[unit] ?? 0) & flag) !== 0;
}

/** Whether the unit may be in a local part: `[A-Za-z0-9.!#$%&'*+/=?^_\`{|}~-]`. */
export function isLocalUnit(unit: number): boolean {
  return hasClass(unit, LOCAL);
}

/** Whether the unit may be in a domain label: `[A-Za-z0-9-]`. */
export function isLabelUnit(unit: number): boolean {
  return hasClass(unit, LABEL);
}

/** `[A-Za-z0-9]`, which a label starts with. */
export function isAlphanumericUnit(unit: number): boolean {
  return hasClass(unit, ALPHANUMERIC);
}

/** The local part ending before `at`, as its start index, or -1. */
function localStart(text: string, at: number): number {
  let index = at;
  while (index > 0 && at - index < LOCAL_MAX + 1 && isLocalUnit(text.charCodeAt(index - 1))) index -= 1;
  if (index === at || at - index > LOCAL_MAX) return -1;
  return index;
}

/** End of the dotted domain starting at `from` (at least two labels), or -1. */
function domainEnd(text: string, from: number): number {
  let index = from;
  let end = -1;
  let labels = 0;
  while (index - from <= DOMAIN_MAX) {
    let labelEnd = index;
    while (labelEnd < text.length && labelEnd - index <= LABEL_MAX && isLabelUnit(text.charCodeAt(labelEnd))) labelEnd += 1;
    while (labelEnd > index && text.charAt(labelEnd - 1) === '-') labelEnd -= 1;
    const length = labelEnd - index;
    if (length > LABEL_MAX) return -1;
    if (length === 0 || !isAlphanumericUnit(text.charCodeAt(index))) break;
    labels += 1;
    if (labels >= 2) end = labelEnd;
    if (text.charAt(labelEnd) !== '.' || !isAlphanumericUnit(text.charCodeAt(labelEnd + 1))) break;
    index = labelEnd + 1;
  }
  return end > from + DOMAIN_MAX ? -1 : end;
}

/** E-mail addresses; full-width ones work because the text is normalised first. */
export function detectEmails(input: NormalizedText): Match[] {
  const { text } = input;
  const candidates: Candidate[] = [];
  let at = text.indexOf('@');
  let searchedUpTo = 0;
  while (at >= 0) {
    const start = localStart(text, at);
    const end = start >= searchedUpTo ? domainEnd(text, at + 1) : -1;
    if (start >= 0 && end > 0) {
      candidates.push({
        kind: 'email',
        start,
        end,
        masked: maskEmail(text.slice(start, at), text.slice(at + 1, end).toLowerCase()),
        confidence: 'high',
      });
      searchedUpTo = end;
    }
    at = text.indexOf('@', Math.max(at + 1, searchedUpTo));
  }
  return toMatches(input, candidates);
}
