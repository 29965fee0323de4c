import { readRecipientEntry } from '../../../policy/recipient-list/recipient-entry-syntax.js';

/**
 * An OutlookOkan address or domain in the syntax of src/policy/recipient-list/recipient-entry-syntax.ts, or null.
 * OutlookOkan matches the end of the address text (`EndsWith`, Models/GenerateCheckList.cs in
 * github.com/t-miyake/OutlookOkan): `@example.com` is that domain only, `.example.com` its subdomains only,
 * and `example.com` the domain and its subdomains — and also `notexample.com`, an accident of comparing text
 * that Preflight does not copy.
 */
export function okanEntryOf(written: string): string | null {
  const text = written.trim().toLowerCase();
  // OutlookOkan has no wildcards: a `*` it would compare as a character is no pattern here.
  if (text === '' || text === '@' || /[*?]/.test(text)) return null;
  const entry = text.startsWith('.') ? `*${text}` : text;
  const read = readRecipientEntry(entry);
  return read.ok && 'entry' in read && !read.exclude ? entry : null;
}
