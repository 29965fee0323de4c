import type { NumberedLine } from '../settings-text.js';
import { note, type ImportNote } from '../import-note.js';
import { fcmEntryKey, preflightEntryOf } from './fcm-entry.js';

export interface TranslatedList {
  /** Entries and `#` comments, in the order written. */
  readonly entries: string[];
  /** The inclusions alone, for the exclusions UntrustUnsafeRecipients adds elsewhere. */
  readonly inclusions: string[];
}

/**
 * One FlexConfirmMail list of recipients. Its `-entry` removes the very same entry (and nothing else) from the
 * list, so a pair is dropped here; a `-entry` with nothing to remove becomes a Preflight exclusion, which is
 * wider (it removes every match), and is reported.
 */
export function translateRecipientList(file: string, lines: readonly NumberedLine[], notes: ImportNote[]): TranslatedList {
  const written = lines.map((line) => ({ number: line.number, text: line.text.trim() })).filter((line) => line.text !== '');
  const excluded = new Set(written.filter((line) => line.text.startsWith('-')).map((line) => fcmEntryKey(line.text.slice(1))));
  const included = new Set(
    written.filter((line) => !line.text.startsWith('-') && !line.text.startsWith('#')).map((line) => fcmEntryKey(line.text)),
  );
  const entries: string[] = [];
  const inclusions: string[] = [];
  for (const { number, text } of written) {
    if (text.startsWith('#')) {
      entries.push(text);
      continue;
    }
    const exclude = text.startsWith('-');
    const body = exclude ? text.slice(1).trim() : text;
    const key = fcmEntryKey(body);
    if (exclude ? included.has(key) : excluded.has(key)) continue;
    const entry = preflightEntryOf(body);
    if (entry === null) {
      notes.push(note(file, number, text, 'invalid-entry'));
      continue;
    }
    if (exclude) {
      entries.push(`-${entry}`);
      notes.push(note(file, number, text, 'exclusion-wider'));
      continue;
    }
    entries.push(entry);
    inclusions.push(entry);
  }
  return { entries: joinDomainAndSubdomains(entries), inclusions };
}

/** `@example.com` with `*.example.com` is what Preflight writes `example.com`: the domain and its subdomains. */
function joinDomainAndSubdomains(entries: readonly string[]): string[] {
  const present = new Set(entries);
  const joined = new Set(
    entries
      .filter((entry) => entry.startsWith('@') && entry.length > 1 && present.has(`*.${entry.slice(1)}`))
      .map((entry) => entry.slice(1)),
  );
  const result: string[] = [];
  for (const entry of entries) {
    const domain = entry.startsWith('@') ? entry.slice(1) : entry.startsWith('*.') ? entry.slice(2) : null;
    if (domain === null || !joined.has(domain)) {
      result.push(entry);
      continue;
    }
    if (!result.includes(domain)) result.push(domain);
  }
  return result;
}
