// The console's text: its own keys (checked by the compiler), rule names from the pane's table, times in
// the reader's language and time zone (the browser's, through pickLocale in src/i18n/locale.ts).
import type { Locale } from '../i18n/locale.js';
import { ruleName, timeText } from '../i18n/page-format.js';
import { policyProblemText, type TranslatableProblem } from '../i18n/policy-problem-text.js';
import type { ADMIN_STRINGS } from '../i18n/tables/admin.js';
import { isStringKey } from '../i18n/strings.js';
import { translate } from '../i18n/translate.js';

export type AdminKey = keyof typeof ADMIN_STRINGS.en;
export type TextParams = Readonly<Record<string, string | number>>;

export interface AdminText {
  (key: AdminKey, params?: TextParams): string;
  /** A value the server names by a code (`admin.kind.send`), or the code itself when the table has none. */
  label(prefix: 'admin.kind' | 'admin.decision', code: string): string;
  ruleName(ruleId: string): string;
  /** A policy problem (the draft's, or one the server sent) by its code, in the reader's language. */
  problem(problem: TranslatableProblem): string;
  time(iso: string): string;
  number(value: number): string;
  readonly locale: Locale;
}

export function adminText(locale: Locale, timeZone?: string): AdminText {
  const numbers = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 1 });
  const text = (key: AdminKey, params: TextParams = {}) => translate(locale, key, params);
  return Object.assign(text, {
    label: (prefix: 'admin.kind' | 'admin.decision', code: string) => {
      const key = `${prefix}.${code}`;
      return isStringKey(key) ? translate(locale, key) : code;
    },
    ruleName: (ruleId: string) => ruleName(locale, ruleId),
    problem: (problem: TranslatableProblem) => policyProblemText(locale, problem),
    time: timeText(locale, timeZone),
    number: (value: number) => numbers.format(value),
    locale,
  });
}
