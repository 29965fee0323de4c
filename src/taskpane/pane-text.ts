import type { Locale } from '../i18n/locale.js';
import type { StringKey } from '../i18n/strings.js';
import { translate, translateParts, type TextPart } from '../i18n/translate.js';
import type { PANE_STRINGS } from '../i18n/tables/pane.js';

export type PaneKey = keyof typeof PANE_STRINGS.en;
export type TextParams = Readonly<Record<string, string | number>>;

/** Text of the pane's own keys (checked by the compiler) and of keys that arrive as data, such as finding messages. */
export interface PaneText {
  (key: PaneKey, params?: TextParams): string;
  message(key: StringKey, params?: TextParams): string;
  /** The same text in pieces, for showing the addresses in it with components/Address.tsx. */
  parts(key: StringKey, params?: TextParams): TextPart[];
  readonly locale: Locale;
}

export function paneText(locale: Locale): PaneText {
  const text = (key: PaneKey, params: TextParams = {}) => translate(locale, key, params);
  return Object.assign(text, {
    message: (key: StringKey, params: TextParams = {}) => translate(locale, key, params),
    parts: (key: StringKey, params: TextParams = {}) => translateParts(locale, key, params),
    locale,
  });
}
