import { note, type ImportNote, type ImportReason } from '../import-note.js';
import type { PolicyDraft } from '../policy-draft.js';
import { csvBoolean, type CsvRecord } from './csv-records.js';
import type { Records } from './okan-lists.js';

/** GeneralSetting.csv's one record, column by column (Types/GeneralSetting.cs in github.com/t-miyake/OutlookOkan). */
const GENERAL_COLUMNS = [
  'IsDoNotConfirmationIfAllRecipientsAreSameDomain',
  'IsDoDoNotConfirmationIfAllWhite',
  'IsAutoCheckIfAllRecipientsAreSameDomain',
  'LanguageCode',
  'IsShowConfirmationToMultipleDomain',
  'EnableForgottenToAttachAlert',
  'EnableGetContactGroupMembers',
  'EnableGetExchangeDistributionListMembers',
  'ContactGroupMembersAreWhite',
  'ExchangeDistributionListMembersAreWhite',
  'IsNotTreatedAsAttachmentsAtHtmlEmbeddedFiles',
  'IsDoNotUseAutoCcBccAttachedFileIfAllRecipientsAreInternalDomain',
  'IsDoNotUseDeferredDeliveryIfAllRecipientsAreInternalDomain',
  'IsDoNotUseAutoCcBccKeywordIfAllRecipientsAreInternalDomain',
  'IsEnableRecipientsAreSortedByDomain',
  'IsAutoAddSenderToBcc',
  'IsAutoCheckRegisteredInContacts',
  'IsAutoCheckRegisteredInContactsAndMemberOfContactLists',
  'IsCheckNameAndDomainsFromRecipients',
  'IsWarningIfRecipientsIsNotRegistered',
  'IsProhibitsSendingMailIfRecipientsIsNotRegistered',
  'IsShowConfirmationAtSendMeetingRequest',
  'IsAutoAddSenderToCc',
  'IsCheckNameAndDomainsIncludeSubject',
  'IsCheckNameAndDomainsFromSubject',
  'IsShowConfirmationAtSendTaskRequest',
  'IsAutoCheckAttachments',
  'IsCheckKeywordAndRecipientsIncludeSubject',
] as const;

type GeneralColumn = (typeof GENERAL_COLUMNS)[number];

/** Defaults where OutlookOkan's map gives one other than false. */
const GENERAL_DEFAULTS: Partial<Record<GeneralColumn, boolean>> = {
  EnableForgottenToAttachAlert: true,
  ContactGroupMembersAreWhite: true,
  ExchangeDistributionListMembersAreWhite: true,
};

/** Which value of a column Preflight cannot follow, and why; columns not listed carry nothing or are read elsewhere. */
const GENERAL_NOT_CARRIED: Partial<Record<GeneralColumn, readonly [boolean, ImportReason]>> = {
  IsDoNotConfirmationIfAllRecipientsAreSameDomain: [false, 'internal-only-confirmed'],
  IsDoDoNotConfirmationIfAllWhite: [true, 'skip-confirmation'],
  IsAutoCheckIfAllRecipientsAreSameDomain: [true, 'auto-check'],
  IsShowConfirmationToMultipleDomain: [true, 'no-equivalent'],
  EnableForgottenToAttachAlert: [true, 'forgotten-attachment'],
  EnableGetContactGroupMembers: [true, 'contacts'],
  EnableGetExchangeDistributionListMembers: [true, 'contacts'],
  IsNotTreatedAsAttachmentsAtHtmlEmbeddedFiles: [false, 'inline-images-ignored'],
  IsEnableRecipientsAreSortedByDomain: [true, 'dialog-layout'],
  IsAutoAddSenderToBcc: [true, 'sender-cc-bcc'],
  IsAutoAddSenderToCc: [true, 'sender-cc-bcc'],
  IsAutoCheckRegisteredInContacts: [true, 'contacts'],
  IsAutoCheckRegisteredInContactsAndMemberOfContactLists: [true, 'contacts'],
  IsCheckNameAndDomainsFromRecipients: [true, 'no-equivalent'],
  IsWarningIfRecipientsIsNotRegistered: [true, 'contacts'],
  IsProhibitsSendingMailIfRecipientsIsNotRegistered: [true, 'contacts'],
  IsShowConfirmationAtSendMeetingRequest: [false, 'meetings-always-checked'],
  IsCheckNameAndDomainsFromSubject: [true, 'no-equivalent'],
  IsShowConfirmationAtSendTaskRequest: [true, 'no-equivalent'],
  IsAutoCheckAttachments: [true, 'auto-check'],
};

export type GeneralSettings = ReadonlyMap<GeneralColumn, boolean>;

export function readGeneral(records: Records, notes: ImportNote[]): GeneralSettings {
  const record: CsvRecord | undefined = records('GeneralSetting.csv')[0];
  const settings = new Map<GeneralColumn, boolean>();
  if (record === undefined) return settings;
  GENERAL_COLUMNS.forEach((column, index) => {
    const text = record.fields[index];
    if (column === 'LanguageCode') {
      if ((text ?? '').trim() !== '') notes.push(note('GeneralSetting.csv', record.line, `${column}=${text ?? ''}`, 'dialog-layout'));
      return;
    }
    const value = csvBoolean(text, GENERAL_DEFAULTS[column] ?? false);
    if (value === undefined) {
      notes.push(note('GeneralSetting.csv', record.line, `${column}=${text ?? ''}`, 'bad-value'));
      return;
    }
    settings.set(column, value);
    const notCarried = GENERAL_NOT_CARRIED[column];
    if (notCarried !== undefined && notCarried[0] === value) {
      notes.push(note('GeneralSetting.csv', record.line, `${column}=${String(value)}`, notCarried[1]));
    }
  });
  return settings;
}

const DELAY_MINUTES_MAX = 1440;

/** DeferredDeliveryMinutes.csv: `@` is the hold for every message; a hold per recipient has no Preflight equivalent. */
export function importDelay(records: Records, general: GeneralSettings, draft: PolicyDraft, notes: ImportNote[]): void {
  const file = 'DeferredDeliveryMinutes.csv';
  for (const record of records(file)) {
    const [target = '', minutesText = '0'] = record.fields.map((field) => field.trim());
    if (target === '') continue;
    if (target !== '@') {
      notes.push(note(file, record.line, record.fields.join(','), 'delay-per-recipient'));
      continue;
    }
    if (!/^[0-9]+$/.test(minutesText)) {
      notes.push(note(file, record.line, record.fields.join(','), 'bad-value'));
      continue;
    }
    const minutes = Math.min(Number(minutesText), DELAY_MINUTES_MAX);
    const internalToo = general.get('IsDoNotUseDeferredDeliveryIfAllRecipientsAreInternalDomain') !== true;
    draft.set('delaySend', { minutes, when: internalToo ? 'always' : 'external' });
    if (Number(minutesText) > DELAY_MINUTES_MAX) {
      notes.push(note(file, record.line, record.fields.join(','), 'delay-too-long', { minutes, maximum: DELAY_MINUTES_MAX }));
    }
  }
}

/**
 * ExternalDomainsWarningAndAutoChangeToBccSetting.csv: from N outside domains in To and Cc, warn, refuse, or
 * move them to Bcc — Preflight's bccSuggestThreshold, `many-domains-visible` at block, and `bccAction: "move"`.
 */
export function importExternalDomains(records: Records, draft: PolicyDraft, notes: ImportNote[]): void {
  const file = 'ExternalDomainsWarningAndAutoChangeToBccSetting.csv';
  const record = records(file)[0];
  if (record === undefined) return;
  const [countText = '10', warnText, prohibitText, moveText] = record.fields.map((field) => field.trim());
  const warn = csvBoolean(warnText, true);
  const prohibit = csvBoolean(prohibitText, false);
  const move = csvBoolean(moveText, false);
  if (!/^[0-9]+$/.test(countText || '10') || warn === undefined || prohibit === undefined || move === undefined) {
    notes.push(note(file, record.line, record.fields.join(','), 'bad-value'));
    return;
  }
  const threshold = Math.min(Number(countText || '10'), 1000);
  if (!warn && !prohibit && !move) {
    draft.set('bccSuggestThreshold', 0);
    return;
  }
  draft.set('bccSuggestThreshold', threshold);
  if (prohibit) draft.severities.set('many-domains-visible', 'block');
  else if (move) draft.set('bccAction', 'move');
}

/** AttachmentsSetting.csv: the password-ZIP warning or refusal is `encryptedAttachments`; the rest has no equivalent. */
export function importAttachments(records: Records, draft: PolicyDraft, notes: ImportNote[]): void {
  const file = 'AttachmentsSetting.csv';
  const record = records(file)[0];
  if (record === undefined) return;
  const flag = (index: number): boolean | undefined => csvBoolean(record.fields[index], false);
  const [warn, prohibit] = [flag(0), flag(1)];
  if (warn === undefined || prohibit === undefined) notes.push(note(file, record.line, record.fields.slice(0, 2).join(','), 'bad-value'));
  if (prohibit === true) draft.set('encryptedAttachments', 'block');
  else if (warn === true) draft.set('encryptedAttachments', 'confirm');
  const others = [
    [3, 'IsAttachmentsProhibited'],
    [4, 'IsWarningWhenAttachedRealFile'],
    [5, 'IsEnableOpenAttachedFiles'],
    [7, 'IsMustOpenBeforeCheckTheAttachedFiles'],
  ] as const;
  for (const [index, name] of others) {
    if (flag(index) === true) notes.push(note(file, record.line, `${name}=true`, 'attachment-rules'));
  }
}
