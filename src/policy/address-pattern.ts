import punycode from 'punycode/punycode.js';
import { normalizeAddress, toAsciiDomain } from './domain.js';

const DOT_VARIANTS = /[\u3002\uFF0E\uFF61]/g;
const WILDCARD_LABEL = /^[a-z0-9*-]+$/;
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

function asciiLabel(label: string): string | null {
  if (label.includes('*')) return WILDCARD_LABEL.test(label) ? label : null;
  try {
    return punycode.toASCII(label);
  } catch {
    return null;
  }
}

function normalizeDomainPattern(text: string): string | null {
  let domain = text.replace(DOT_VARIANTS, '.');
  if (domain.endsWith('.')) domain = domain.slice(0, -1);
  const labels = domain.split('.');
  const last = labels[labels.length - 1] ?? '';
  // A wildcard top-level label would let `*@example.*` match `example.co.jp.evil.com`.
  if (labels.length < 2 || last.includes('*')) return null;
  const ascii: string[] = [];
  for (const label of labels) {
    const converted = asciiLabel(label);
    if (converted === null) return null;
    ascii.push(converted);
  }
  const pattern = ascii.join('.');
  return toAsciiDomain(pattern.replace(/\*/g, 'a')) === null ? null : pattern;
}

/**
 * A `mailingLists` entry in normal form: an address, or an address pattern where `*` (the only wildcard)
 * stands for any run of characters other than `@`. The domain is in ASCII, the local part folded like
 * normalizeAddress does. Null when it is neither.
 */
export function normalizeAddressPattern(entry: string): string | null {
  const text = entry.trim().normalize('NFKC').toLowerCase();
  if (!text.includes('*')) return normalizeAddress(text);
  const at = text.lastIndexOf('@');
  if (at <= 0) return null;
  const domain = normalizeDomainPattern(text.slice(at + 1));
  return domain === null ? null : `${text.slice(0, at)}@${domain}`;
}

/**
 * Matcher for a normalised pattern. Every character but `*` is escaped before the regex is built:
 * FlexConfirmMail's wildcard regex left `.` and `?` live and so trusted any one-character domain.
 */
export function compileAddressPattern(pattern: string): (normalizedAddress: string) => boolean {
  if (!pattern.includes('*')) return (address) => address === pattern;
  const source = pattern
    .split('*')
    .map((piece) => piece.replace(REGEX_SPECIAL, '\\$&'))
    .join('[^@]*');
  const regex = new RegExp(`^${source}$`);
  return (address) => regex.test(address);
}
