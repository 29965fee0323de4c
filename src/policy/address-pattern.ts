import { normalizeAddress } from './domain.js';
import { domainPattern } from './recipient-list/recipient-entry-syntax.js';

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/**
 * An approval route's sender entry (src/policy/parse-approval.ts) in normal form: an address, or an
 * address pattern where `*` (the only wildcard) stands for any run of characters other than `@`. The
 * domain is in ASCII, the local part folded like normalizeAddress does. Null when it is neither.
 */
export function normalizeAddressPattern(entry: string): string | null {
  const text = entry.trim().normalize('NFKC').toLowerCase();
  if (!text.includes('*')) return normalizeAddress(text);
  const at = text.lastIndexOf('@');
  if (at <= 0) return null;
  // `*` is the only wildcard here; a `?` would be a literal, and no domain holds one.
  const domainText = text.slice(at + 1);
  const domain = domainText.includes('?') ? null : domainPattern(domainText);
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
