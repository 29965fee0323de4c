// `mailingLists` and `unknownLists` (docs/policy.md "Mailing lists"): each entry is a recipient-list entry
// (src/policy/recipient-list/recipient-entry-syntax.ts), or an object naming a list whose members include
// outside domains, so that mail to it counts as mail going outside.
import { toAsciiDomain } from './domain.js';
import { childPath } from './json/json-reader.js';
import {
  checkKeys,
  hasKey,
  isRecord,
  quotedList,
  readArray,
  readChoice,
  readNormalizedList,
  type FieldReader,
  type Problems,
  requireKeys,
} from './policy-fields.js';
import { readRecipientEntry } from './recipient-list/recipient-entry-syntax.js';
import type { MailingListEntry, UnknownLists } from './types.js';

export const MAILING_LIST_KEYS = ['address', 'externalDomains'] as const;
export const UNKNOWN_LISTS: readonly UnknownLists[] = ['confirm', 'treat-as-external'];

export const readUnknownLists: FieldReader<UnknownLists> = readChoice(UNKNOWN_LISTS);

const ENTRY_FORMS =
  'an address, a domain, @domain, a pattern with * or ? (not in the last label), "@", "-" before one of these, or a "#" comment';

/** The entry as written, trimmed; its problem when the recipient-list syntax does not read it. */
function readListText(text: string, path: string, problems: Problems, inclusionOnly: boolean): string | undefined {
  const value = JSON.stringify(text);
  const read = readRecipientEntry(text);
  if (!read.ok) {
    problems.push({
      path,
      message: `not a valid list entry: ${value} (${ENTRY_FORMS})`,
      code: 'policy.invalid-list-pattern',
      params: { value },
    });
    return undefined;
  }
  if (inclusionOnly && ('comment' in read || read.exclude)) {
    problems.push({
      path,
      message: `a list with outside members needs an address, domain or pattern, not an exclusion or a comment: ${value}`,
      code: 'policy.list-address-not-inclusion',
      params: { value },
    });
    return undefined;
  }
  return text.trim();
}

const readExternalDomains = readNormalizedList({ one: 'a domain name', many: 'domain names' }, toAsciiDomain, (text) => ({
  message: `not a valid domain: ${JSON.stringify(text)}`,
  code: 'policy.invalid-domain',
  params: { value: JSON.stringify(text) },
}));

function readListObject(record: Readonly<Record<string, unknown>>, path: string, problems: Problems): MailingListEntry | undefined {
  const before = problems.length;
  checkKeys(record, MAILING_LIST_KEYS, path, problems);
  requireKeys(record, MAILING_LIST_KEYS, path, problems);
  const address = record['address'];
  const addressPath = childPath(path, 'address');
  if (typeof address === 'string') readListText(address, addressPath, problems, true);
  else if (hasKey(record, 'address')) problems.push({ path: addressPath, message: 'must be a string', code: 'policy.expected-string' });
  const externalDomains = hasKey(record, 'externalDomains')
    ? readExternalDomains(record['externalDomains'], childPath(path, 'externalDomains'), problems)
    : undefined;
  if (externalDomains?.length === 0) {
    problems.push({ path: childPath(path, 'externalDomains'), message: 'must name at least one domain', code: 'policy.empty-list' });
  }
  if (problems.length !== before || typeof address !== 'string' || externalDomains === undefined) return undefined;
  return { address: address.trim(), externalDomains };
}

const readListEntry: FieldReader<MailingListEntry> = (value, path, problems) => {
  if (typeof value === 'string') return readListText(value, path, problems, false);
  if (isRecord(value)) return readListObject(value, path, problems);
  problems.push({
    path,
    message: `must be a string (an address, domain or pattern) or an object with ${quotedList(MAILING_LIST_KEYS)}`,
    code: 'policy.expected-list-entry',
  });
  return undefined;
};

/** Entries as written (trimmed), a string written twice kept once. */
export const readMailingLists: FieldReader<readonly MailingListEntry[]> = (value, path, problems) => {
  const entries = readArray(value, path, problems, 'list entries', readListEntry);
  return entries?.filter((entry, index) => typeof entry !== 'string' || entries.indexOf(entry) === index);
};
