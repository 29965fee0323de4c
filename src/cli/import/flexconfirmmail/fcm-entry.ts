import { readRecipientEntry } from '../../../policy/recipient-list/recipient-entry-syntax.js';

const WILDCARD = /[*?]/;

/**
 * How FlexConfirmMail compares an entry with an exclusion: lower case, a leading `@` dropped (its
 * recipient classifier, src/web/recipient-classifier.mjs in github.com/FlexConfirmMail/Outlook-Office-Addin).
 */
export function fcmEntryKey(written: string): string {
  return written.toLowerCase().replace(/^@/, '');
}

/**
 * A FlexConfirmMail recipient entry (without its `-`) in the syntax of
 * src/policy/recipient-list/recipient-entry-syntax.ts, or null when Preflight cannot read it. FlexConfirmMail
 * matches an entry without `@` against the whole domain, so `example.com` is that domain only: `@example.com`
 * here. Wildcards keep their meaning: `*` and `?` match within the domain or the address (an address has one
 * `@`, so FlexConfirmMail's `*` never spans it either).
 */
export function preflightEntryOf(written: string): string | null {
  const text = written.toLowerCase();
  const at = text.indexOf('@');
  const domainOnly = at < 0 || (at === 0 && !text.slice(1).includes('@'));
  const domain = at === 0 ? text.slice(1) : text;
  const entry = !domainOnly ? text : WILDCARD.test(domain) ? domain : `@${domain}`;
  const read = readRecipientEntry(entry);
  return read.ok && 'entry' in read && !read.exclude ? entry : null;
}
