import type { Locale } from './locale.js';
import { STRINGS, type StringKey } from './strings.js';
import { translateFrom, translatePartsFrom, type Params, type TextPart } from './template.js';

export type { Params, TextPart } from './template.js';

/** Any area's text; `{name}` placeholders are replaced by params, an unknown key is shown as itself. */
export function translate(locale: Locale, key: StringKey, params: Params = {}): string {
  return translateFrom(STRINGS, locale, key, params);
}

/** translate's text in pieces, each placeholder's value a piece of its own. */
export function translateParts(locale: Locale, key: StringKey, params: Params = {}): TextPart[] {
  return translatePartsFrom(STRINGS, locale, key, params);
}
