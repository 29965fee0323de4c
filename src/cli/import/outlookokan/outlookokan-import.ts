import { note, sortNotes, type ImportNote, type ImportResult, type SettingsFiles } from '../import-note.js';
import { PolicyDraft } from '../policy-draft.js';
import { readCsvRecords, type CsvRecord } from './csv-records.js';
import { importAlertKeywords, importPartners, importRecipientLists } from './okan-lists.js';
import { reportNotCarried } from './okan-not-carried.js';
import { importAttachments, importDelay, importExternalDomains, readGeneral } from './okan-settings.js';

/** The CSV files OutlookOkan keeps its settings in and exports (CsvFileHandler.ReadCsv calls in its sources). */
export const OUTLOOKOKAN_FILES = [
  'GeneralSetting.csv',
  'InternalDomainList.csv',
  'Whitelist.csv',
  'AlertAddressList.csv',
  'AlertKeywordAndMessageList.csv',
  'AlertKeywordAndMessageListForSubject.csv',
  'NameAndDomains.csv',
  'DeferredDeliveryMinutes.csv',
  'ExternalDomainsWarningAndAutoChangeToBccSetting.csv',
  'AttachmentsSetting.csv',
  'ForceAutoChangeRecipientsToBcc.csv',
  'AutoCcBccRecipientList.csv',
  'AutoCcBccKeywordList.csv',
  'AutoCcBccAttachedFileList.csv',
  'KeywordAndRecipientsList.csv',
  'RecipientsAndAttachmentsName.csv',
  'AttachmentProhibitedRecipients.csv',
  'AttachmentAlertRecipients.csv',
  'AutoDeleteRecipientList.csv',
  'AutoAddMessage.csv',
  'SecurityForReceivedMail.csv',
  'AlertKeywordOfSubjectWhenOpeningMailList.csv',
] as const;

/**
 * OutlookOkan's settings (docs/migrate.md) as a Preflight policy. `others` are the names of CSV files in the
 * folder that OutlookOkan does not read, reported so that a misnamed export is noticed.
 */
export function importOutlookOkan(files: SettingsFiles, others: readonly string[] = []): ImportResult {
  const draft = new PolicyDraft();
  const notes: ImportNote[] = [];
  const parsed = new Map<string, readonly CsvRecord[]>();
  const records = (file: string): readonly CsvRecord[] => {
    const known = parsed.get(file);
    if (known !== undefined) return known;
    const read = readCsvRecords(files.get(file) ?? '');
    parsed.set(file, read);
    return read;
  };
  const general = readGeneral(records, notes);
  importRecipientLists(records, draft, notes);
  // OutlookOkan counts the sender's own domain as internal (Models/GenerateCheckList.cs); Preflight only what is listed.
  notes.push(note('InternalDomainList.csv', undefined, '', 'sender-domain-internal'));
  importAlertKeywords(records, draft, notes);
  importPartners(records, draft, notes);
  importDelay(records, general, draft, notes);
  importExternalDomains(records, draft, notes);
  importAttachments(records, draft, notes);
  reportNotCarried(records, notes);
  for (const name of others) notes.push(note(name, undefined, '', 'unknown-file'));
  return { document: draft.document(), notes: sortNotes(notes, OUTLOOKOKAN_FILES) };
}
