import type { Locale } from './locale.js';
import { STRINGS, type StringKey } from './strings.js';

export type Params = Readonly<Record<string, string | number>>;

/** `{name}` placeholders are replaced by params; an unknown key is shown as itself so nothing disappears. */
export function translate(locale: Locale, key: string, params: Params = {}): string {
  const table: Readonly<Record<string, string>> = STRINGS[locale];
  const template = table[key] ?? STRINGS.en[key as StringKey] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
