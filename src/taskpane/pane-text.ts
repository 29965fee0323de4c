import type { Locale } from '../i18n/locale.js';
import { translate } from '../i18n/translate.js';
import type { PANE_STRINGS } from '../i18n/tables/pane.js';

export type PaneKey = keyof typeof PANE_STRINGS.en;
export type TextParams = Readonly<Record<string, string | number>>;

/** Text of the pane's own keys (checked by the compiler) and of keys that arrive as data, such as finding messages. */
export interface PaneText {
  (key: PaneKey, params?: TextParams): string;
  message(key: string, params?: TextParams): string;
  readonly locale: Locale;
}

export function paneText(locale: Locale): PaneText {
  const text = (key: PaneKey, params: TextParams = {}) => translate(locale, key, params);
  return Object.assign(text, { message: (key: string, params: TextParams = {}) => translate(locale, key, params), locale });
}
