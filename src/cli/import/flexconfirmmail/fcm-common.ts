import { note, type ImportNote, type ImportReason } from '../import-note.js';
import type { PolicyDraft } from '../policy-draft.js';
import type { NumberedLine } from '../settings-text.js';

const FILE = 'Common.txt';
const KEY_VALUE = /^([^=]+)=(.*)$/;

/**
 * The keys FlexConfirmMail reads from Common.txt and their types: src/web/config.mjs (`commonParamDefs`) in
 * github.com/FlexConfirmMail/Outlook-Office-Addin, a superset of Config/Loader.cs in the classic add-in.
 */
const KEY_TYPES = {
  CountEnabled: 'boolean',
  CountAllowSkip: 'boolean',
  CountSkipIfNoExt: 'boolean',
  CountSeconds: 'number',
  SafeBccEnabled: 'boolean',
  SafeBccThreshold: 'number',
  SafeBccReconfirmationThreshold: 'number',
  BccConversionRecommendationDomainsThreshold: 'number',
  ConvertToBccEnabled: 'boolean',
  ConvertToBccThreshold: 'number',
  RequireCheckSubject: 'boolean',
  RequireCheckBody: 'boolean',
  MainSkipIfNoExt: 'boolean',
  UntrustUnsafeRecipients: 'boolean',
  AppointmentConfirmationEnabled: 'boolean',
  SafeNewDomainsEnabled: 'boolean',
  DelayDeliveryEnabled: 'boolean',
  DelayDeliverySeconds: 'number',
  BlockDistributionLists: 'boolean',
  EmphasizeUntrustedToCc: 'boolean',
  IgnoreInlineImageAttachments: 'boolean',
  ConfirmationDialogCardsOrder: 'text',
  FixedParameters: 'text',
} as const;

type CommonKey = keyof typeof KEY_TYPES;
type Value = boolean | number | string;

interface Written {
  readonly line: number;
  readonly text: string;
  readonly value: Value;
}

export type CommonSettings = ReadonlyMap<CommonKey, Written>;

const DELAY_MINUTES_MAX = 1440;
const BCC_THRESHOLD_MAX = 1000;

function parseValue(type: (typeof KEY_TYPES)[CommonKey], text: string): Value | undefined {
  if (type === 'boolean') {
    if (/^(yes|true|on|1)$/i.test(text)) return true;
    if (/^(no|false|off|0)$/i.test(text)) return false;
    return undefined;
  }
  if (type === 'number') return /^[+-]?[0-9]+$/.test(text) ? Number(text) : undefined;
  return text;
}

function isCommonKey(key: string): key is CommonKey {
  return Object.hasOwn(KEY_TYPES, key);
}

/** `Key = Value` lines; a key written twice takes the later value, as in FlexConfirmMail. */
export function readCommon(lines: readonly NumberedLine[], notes: ImportNote[]): CommonSettings {
  const settings = new Map<CommonKey, Written>();
  for (const { number, text: raw } of lines) {
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) continue;
    const pair = KEY_VALUE.exec(text);
    const key = (pair?.[1] ?? '').trim();
    if (pair === null || !isCommonKey(key)) {
      notes.push(note(FILE, number, text, 'unknown-setting'));
      continue;
    }
    const value = parseValue(KEY_TYPES[key], (pair[2] ?? '').trim());
    if (value === undefined) notes.push(note(FILE, number, text, 'bad-value'));
    else settings.set(key, { line: number, text, value });
  }
  return settings;
}

/** Settings that only change how FlexConfirmMail's own dialogs behave or look, with why Preflight has none. */
const NOT_CARRIED: ReadonlyArray<readonly [CommonKey, ImportReason, (value: Value) => boolean]> = [
  ['SafeBccReconfirmationThreshold', 'bcc-conversion', (value) => Number(value) > 0],
  ['BccConversionRecommendationDomainsThreshold', 'bcc-conversion', (value) => Number(value) > 0],
  ['ConvertToBccEnabled', 'bcc-conversion', (value) => value === true],
  ['RequireCheckSubject', 'require-check-text', (value) => value === true],
  ['RequireCheckBody', 'require-check-text', (value) => value === true],
  ['AppointmentConfirmationEnabled', 'meetings-always-checked', (value) => value === false],
  ['BlockDistributionLists', 'distribution-lists', (value) => value === true],
  ['EmphasizeUntrustedToCc', 'dialog-layout', (value) => value === true],
  ['ConfirmationDialogCardsOrder', 'dialog-layout', (value) => value !== ''],
  ['IgnoreInlineImageAttachments', 'inline-images-ignored', (value) => value === false],
  ['FixedParameters', 'fixed-parameters', (value) => value !== ''],
];

const COUNTDOWN_KEYS: readonly CommonKey[] = ['CountEnabled', 'CountAllowSkip', 'CountSkipIfNoExt', 'CountSeconds'];

export function importCommon(settings: CommonSettings, draft: PolicyDraft, notes: ImportNote[]): void {
  const report = (key: CommonKey, reason: ImportReason, params?: ImportNote['params']): void => {
    const written = settings.get(key);
    if (written !== undefined) notes.push(note(FILE, written.line, written.text, reason, params));
  };
  // A countdown that is switched off carries nothing; otherwise each of its settings is reported.
  if (settings.get('CountEnabled')?.value !== false) for (const key of COUNTDOWN_KEYS) report(key, 'countdown');
  for (const [key, reason, applies] of NOT_CARRIED) {
    const written = settings.get(key);
    if (written !== undefined && applies(written.value)) report(key, reason);
  }
  if (settings.get('ConvertToBccEnabled')?.value === true) report('ConvertToBccThreshold', 'bcc-conversion');
  importSafeBcc(settings, draft, report);
  const skipInternal = settings.get('MainSkipIfNoExt');
  if (skipInternal !== undefined) draft.set('confirmInternalOnly', skipInternal.value === false);
  if (settings.get('SafeNewDomainsEnabled')?.value === false) {
    draft.severities.set('new-domain', 'info');
    report('SafeNewDomainsEnabled', 'new-domain-info');
  }
  importDelay(settings, draft, report);
}

type Report = (key: CommonKey, reason: ImportReason, params?: ImportNote['params']) => void;

/** FlexConfirmMail warns from SafeBccThreshold domains in To and Cc, 0 and below meaning never. */
function importSafeBcc(settings: CommonSettings, draft: PolicyDraft, report: Report): void {
  if (settings.get('SafeBccEnabled')?.value === false) {
    draft.set('bccSuggestThreshold', 0);
    return;
  }
  const threshold = settings.get('SafeBccThreshold');
  if (threshold === undefined) return;
  draft.set('bccSuggestThreshold', Math.min(Math.max(Number(threshold.value), 0), BCC_THRESHOLD_MAX));
  report('SafeBccThreshold', 'domain-count-differs');
}

/** FlexConfirmMail holds every message DelayDeliverySeconds (60 unless written); Preflight holds whole minutes. */
function importDelay(settings: CommonSettings, draft: PolicyDraft, report: Report): void {
  if (settings.get('DelayDeliveryEnabled')?.value !== true) return;
  const seconds = Math.max(Number(settings.get('DelayDeliverySeconds')?.value ?? 60), 0);
  const exact = Math.ceil(seconds / 60);
  const minutes = Math.min(exact, DELAY_MINUTES_MAX);
  draft.set('delaySend', { minutes, when: 'always' });
  if (exact > DELAY_MINUTES_MAX) report('DelayDeliverySeconds', 'delay-too-long', { minutes, maximum: DELAY_MINUTES_MAX });
  else if (seconds % 60 !== 0) report('DelayDeliverySeconds', 'delay-rounded', { seconds, minutes });
}
