// The approver's page's text: its own keys (checked by the compiler), rule names from the pane's table,
// and times in the reader's language (the browser's, through pickLocale in src/i18n/locale.ts).
import type { Locale } from '../i18n/locale.js';
import { STRINGS } from '../i18n/strings.js';
import type { APPROVE_STRINGS } from '../i18n/tables/approve.js';
import { translate } from '../i18n/translate.js';
import type { SizeKey } from '../i18n/format-size.js';

export type ApproveKey = keyof typeof APPROVE_STRINGS.en;
export type TextParams = Readonly<Record<string, string | number>>;

export interface PageText {
  (key: ApproveKey | SizeKey, params?: TextParams): string;
  /** A rule id as the pane names it, or the id itself when the tables have no name for it. */
  ruleName(ruleId: string): string;
  /** An ISO time from the server, as a date and time in the reader's language and time zone. */
  time(iso: string): string;
  readonly locale: Locale;
}

export function pageText(locale: Locale, timeZone?: string): PageText {
  const format = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', ...(timeZone === undefined ? {} : { timeZone }) });
  const text = (key: ApproveKey | SizeKey, params: TextParams = {}) => translate(locale, key, params);
  return Object.assign(text, {
    ruleName: (ruleId: string) => {
      const key = `pane.rule.${ruleId}`;
      return key in STRINGS.en ? translate(locale, key) : ruleId;
    },
    time: (iso: string) => {
      const at = Date.parse(iso);
      return Number.isNaN(at) ? iso : format.format(at);
    },
    locale,
  });
}
