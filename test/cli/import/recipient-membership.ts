import { compileRecipientList, type RecipientList } from '../../../src/policy/recipient-list/recipient-list.js';
import { readRecipientEntry } from '../../../src/policy/recipient-list/recipient-entry-syntax.js';

/** A Preflight recipient list from entries in the syntax of recipient-entry-syntax.ts; throws on an entry it refuses. */
export function preflightList(entries: readonly string[]): RecipientList {
  const read = entries.map((written) => {
    const entry = readRecipientEntry(written);
    if (!entry.ok) throw new Error(`${written}: ${entry.problem}`);
    return entry;
  });
  return compileRecipientList(read.flatMap((entry) => ('entry' in entry ? [entry] : [])));
}

function wildcardRegex(pattern: string): RegExp {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i');
}

/**
 * FlexConfirmMail's membership as its documentation and recipient classifier describe it: `#` lines skipped,
 * lower case, a leading `@` dropped, `-entry` removing the same entry, `*`/`?` wildcards, an entry without `@`
 * compared with the whole domain and one with `@` with the whole address.
 */
export function flexConfirmMailIncludes(entries: readonly string[], address: string): boolean {
  const patterns = entries.filter((entry) => !entry.startsWith('#')).map((entry) => entry.toLowerCase().replace(/^(-?)@/, '$1'));
  const removed = new Set(patterns.filter((pattern) => pattern.startsWith('-')).map((pattern) => pattern.slice(1)));
  const kept = patterns.filter((pattern) => !pattern.startsWith('-') && !removed.has(pattern));
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return kept.some((pattern) => wildcardRegex(pattern).test(pattern.includes('@') ? address : domain));
}

/** OutlookOkan's membership: the address ends with the entry (`EndsWith`), compared in lower case. */
export function outlookOkanIncludes(entries: readonly string[], address: string): boolean {
  return entries.some((entry) => address.toLowerCase().endsWith(entry.toLowerCase()));
}
