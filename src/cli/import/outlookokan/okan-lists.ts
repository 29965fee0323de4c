import { readRecipientEntry } from '../../../policy/recipient-list/recipient-entry-syntax.js';
import { foldText } from '../../../policy/text.js';
import { note, type ImportNote } from '../import-note.js';
import type { PolicyDraft } from '../policy-draft.js';
import { csvBoolean, type CsvRecord } from './csv-records.js';
import { okanEntryOf } from './okan-entry.js';

export type Records = (file: string) => readonly CsvRecord[];

function addEntry(file: string, record: CsvRecord, list: string[], notes: ImportNote[]): boolean {
  const written = record.fields[0] ?? '';
  if (written.trim() === '') return false;
  const entry = okanEntryOf(written);
  if (entry === null) {
    notes.push(note(file, record.line, written, 'invalid-entry'));
    return false;
  }
  if (!list.includes(entry)) list.push(entry);
  return true;
}

/** InternalDomainList.csv, Whitelist.csv and AlertAddressList.csv. */
export function importRecipientLists(records: Records, draft: PolicyDraft, notes: ImportNote[]): void {
  for (const record of records('InternalDomainList.csv')) addEntry('InternalDomainList.csv', record, draft.internalDomains, notes);
  let whitelisted = false;
  for (const record of records('Whitelist.csv')) {
    whitelisted = addEntry('Whitelist.csv', record, draft.trustedDomains, notes) || whitelisted;
    if (csvBoolean(record.fields[1], false) === true)
      notes.push(note('Whitelist.csv', record.line, record.fields.join(','), 'skip-confirmation'));
  }
  if (whitelisted) notes.push(note('Whitelist.csv', undefined, '', 'whitelist-confirmed'));
  for (const record of records('AlertAddressList.csv')) {
    const cannotSend = csvBoolean(record.fields[1], false);
    if (cannotSend === undefined) {
      notes.push(note('AlertAddressList.csv', record.line, record.fields.join(','), 'bad-value'));
      continue;
    }
    const list = cannotSend ? draft.blockedRecipients : draft.attentionRecipients;
    if (addEntry('AlertAddressList.csv', record, list, notes) && (record.fields[2] ?? '').trim() !== '') {
      notes.push(note('AlertAddressList.csv', record.line, `${record.fields[0] ?? ''}: ${record.fields[2] ?? ''}`, 'custom-message'));
    }
  }
}

/** AlertKeywordAndMessageList.csv (body) and AlertKeywordAndMessageListForSubject.csv: keyword, message, cannot send. */
export function importAlertKeywords(records: Records, draft: PolicyDraft, notes: ImportNote[]): void {
  const files = [
    ['AlertKeywordAndMessageList.csv', 'body'],
    ['AlertKeywordAndMessageListForSubject.csv', 'subject'],
  ] as const;
  for (const [file, where] of files) {
    for (const record of records(file)) {
      const [term = '', message = '', cannotSendText] = record.fields;
      if (term === '') continue;
      const cannotSend = csvBoolean(cannotSendText, false);
      if (cannotSend === undefined) {
        notes.push(note(file, record.line, record.fields.join(','), 'bad-value'));
        continue;
      }
      // `*` is OutlookOkan's "every message"; a keyword is text to find.
      if (term.trim() === '*') {
        notes.push(note(file, record.line, term, 'wildcard-keyword'));
        continue;
      }
      if (!draft.keywords.add(term, cannotSend ? 'block' : 'warn', where)) {
        notes.push(note(file, record.line, term, 'invalid-keyword'));
        continue;
      }
      if (message.trim() !== '') notes.push(note(file, record.line, `${term}: ${message}`, 'custom-message'));
    }
  }
}

/** NameAndDomains.csv: a name in the text and the domains it belongs to is what Preflight's `partners` are. */
export function importPartners(records: Records, draft: PolicyDraft, notes: ImportNote[]): void {
  for (const record of records('NameAndDomains.csv')) {
    const [name = '', written = ''] = record.fields.map((field) => field.trim());
    if (name === '' || written === '') continue;
    const entry = okanEntryOf(written.replace(/^[@.]/, ''));
    const read = entry === null ? null : readRecipientEntry(entry);
    const domain = read !== null && read.ok && 'entry' in read && read.entry.kind === 'domain' ? read.entry.domain : null;
    if (domain === null) {
      notes.push(note('NameAndDomains.csv', record.line, record.fields.join(','), 'invalid-entry'));
      continue;
    }
    const partner = draft.partners.find((known) => foldText(known.name) === foldText(name));
    if (partner === undefined) draft.partners.push({ name, aliases: [], domains: [domain] });
    else if (!partner.domains.includes(domain)) partner.domains.push(domain);
  }
}
