// What every page shows alike: a rule id by the name the pane gives it, and a server time in the
// reader's language and time zone.
import type { Locale } from './locale.js';
import { isStringKey } from './strings.js';
import { translate } from './translate.js';

/** A rule id as the pane names it (`pane.rule.*`), or the id itself when the tables have no name for it. */
export function ruleName(locale: Locale, ruleId: string): string {
  const key = `pane.rule.${ruleId}`;
  return isStringKey(key) ? translate(locale, key) : ruleId;
}

/** An ISO time formatter: a date and time in the reader's language and time zone (or the one given). */
export function timeText(locale: Locale, timeZone?: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  });
  return (iso: string) => {
    const at = Date.parse(iso);
    return Number.isNaN(at) ? iso : format.format(at);
  };
}
