// The approver's page's text: its own keys (checked by the compiler), rule names from the pane's table,
// and times in the reader's language (the browser's, through pickLocale in src/i18n/locale.ts).
import type { Locale } from '../i18n/locale.js';
import { ruleName, timeText } from '../i18n/page-format.js';
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
  const text = (key: ApproveKey | SizeKey, params: TextParams = {}) => translate(locale, key, params);
  return Object.assign(text, { ruleName: (ruleId: string) => ruleName(locale, ruleId), time: timeText(locale, timeZone), locale });
}
