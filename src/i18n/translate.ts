import type { Locale } from './locale.js';
import { STRINGS } from './strings.js';
import { translateFrom, type Params } from './template.js';

export type { Params } from './template.js';

/** Any area's text; `{name}` placeholders are replaced by params, an unknown key is shown as itself. */
export function translate(locale: Locale, key: string, params: Params = {}): string {
  return translateFrom(STRINGS, locale, key, params);
}
