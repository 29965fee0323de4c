import { note, type ImportNote, type ImportReason } from '../import-note.js';
import { csvBoolean } from './csv-records.js';
import type { Records } from './okan-lists.js';

/** OutlookOkan files whose every record is a rule Preflight has no equivalent for, and why. */
const RECORD_FILES: ReadonlyArray<readonly [string, ImportReason]> = [
  ['AutoCcBccRecipientList.csv', 'conditional-cc-bcc'],
  ['AutoCcBccKeywordList.csv', 'conditional-cc-bcc'],
  ['AutoCcBccAttachedFileList.csv', 'conditional-cc-bcc'],
  ['KeywordAndRecipientsList.csv', 'keyword-recipients'],
  ['RecipientsAndAttachmentsName.csv', 'attachment-rules'],
  ['AttachmentProhibitedRecipients.csv', 'attachment-rules'],
  ['AttachmentAlertRecipients.csv', 'attachment-rules'],
  ['AutoDeleteRecipientList.csv', 'auto-delete'],
];

/** Files about something Preflight does not do at all: reported once each. */
const WHOLE_FILES: ReadonlyArray<readonly [string, ImportReason]> = [
  ['AutoAddMessage.csv', 'body-edit'],
  ['SecurityForReceivedMail.csv', 'received-mail'],
  ['AlertKeywordOfSubjectWhenOpeningMailList.csv', 'received-mail'],
];

export function reportNotCarried(records: Records, notes: ImportNote[]): void {
  for (const [file, reason] of RECORD_FILES) {
    for (const record of records(file)) notes.push(note(file, record.line, record.fields.join(','), reason));
  }
  for (const [file, reason] of WHOLE_FILES) {
    if (records(file).length > 0) notes.push(note(file, undefined, '', reason));
  }
  const force = records('ForceAutoChangeRecipientsToBcc.csv')[0];
  if (force !== undefined && csvBoolean(force.fields[0], false) === true) {
    notes.push(note('ForceAutoChangeRecipientsToBcc.csv', force.line, force.fields.join(','), 'bcc-conversion'));
  }
}
