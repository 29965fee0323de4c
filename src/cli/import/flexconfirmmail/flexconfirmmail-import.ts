import { note, sortNotes, type ImportNote, type ImportResult, type SettingsFiles } from '../import-note.js';
import { PolicyDraft } from '../policy-draft.js';
import { numberedLines } from '../settings-text.js';
import { importCommon, readCommon } from './fcm-common.js';
import { addTerms } from './fcm-keywords.js';
import { translateRecipientList } from './fcm-recipient-list.js';
import { readSections, WARNING_TYPES } from './fcm-sections.js';
import { importUnsafeBodies } from './fcm-unsafe-bodies.js';

/** The files of a FlexConfirmMail configuration folder; each is optional. */
export const FLEXCONFIRMMAIL_FILES = [
  'Common.txt',
  'TrustedDomains.txt',
  'UnsafeDomains.txt',
  'UnsafeFiles.txt',
  'UnsafeBodies.txt',
] as const;

/**
 * FlexConfirmMail's settings (docs/migrate.md) as a Preflight policy. Its TrustedDomains are the organisation's
 * own domains and addresses ("社内ドメイン"), so they become `internalDomains`; Preflight's `trustedDomains` are
 * partners, which FlexConfirmMail has no list for. `others` are names of .txt files in the folder FlexConfirmMail
 * does not read, reported so that a misnamed file is noticed.
 */
export function importFlexConfirmMail(files: SettingsFiles, others: readonly string[] = []): ImportResult {
  const draft = new PolicyDraft();
  const notes: ImportNote[] = [];
  const lines = (name: string) => numberedLines(files.get(name) ?? '');
  const common = readCommon(lines('Common.txt'), notes);
  const trusted = translateRecipientList('TrustedDomains.txt', lines('TrustedDomains.txt'), notes);
  draft.internalDomains.push(...trusted.entries);
  const unsafeDomains = readSections('UnsafeDomains.txt', lines('UnsafeDomains.txt'), notes);
  const unsafeInclusions: string[] = [];
  for (const type of WARNING_TYPES) {
    const list = translateRecipientList('UnsafeDomains.txt', unsafeDomains.get(type) ?? [], notes);
    (type === 'BLOCK' ? draft.blockedRecipients : draft.attentionRecipients).push(...list.entries);
    unsafeInclusions.push(...list.inclusions);
    if (type === 'REWARNING' && list.inclusions.length > 0)
      notes.push(note('UnsafeDomains.txt', undefined, '[REWARNING]', 'second-confirmation'));
  }
  // UntrustUnsafeRecipients: an unsafe recipient is never internal, which is what an exclusion says in Preflight.
  if (common.get('UntrustUnsafeRecipients')?.value === true) {
    draft.internalDomains.push(
      ...unsafeInclusions.filter((entry) => !draft.internalDomains.includes(`-${entry}`)).map((entry) => `-${entry}`),
    );
  }
  const unsafeFiles = readSections('UnsafeFiles.txt', lines('UnsafeFiles.txt'), notes);
  for (const type of WARNING_TYPES) {
    const terms = (unsafeFiles.get(type) ?? [])
      .map((line) => ({ line: line.number, text: line.text.trim() }))
      .filter((term) => term.text !== '' && !term.text.startsWith('#'));
    addTerms('UnsafeFiles.txt', terms, type, 'attachment-name', draft.keywords, notes);
  }
  importUnsafeBodies(lines('UnsafeBodies.txt'), draft.keywords, notes);
  importCommon(common, draft, notes);
  for (const name of others) notes.push(note(name, undefined, '', 'unknown-file'));
  return { document: draft.document(), notes: sortNotes(notes, FLEXCONFIRMMAIL_FILES) };
}
