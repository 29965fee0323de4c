import type { Locale } from './locale.js';

export type Params = Readonly<Record<string, string | number>>;

export type Tables = { readonly [locale in Locale]: Readonly<Record<string, string>> };

/** `{name}` placeholders are replaced by params; an unknown key is shown as itself so nothing disappears. */
export function translateFrom(tables: Tables, locale: Locale, key: string, params: Params = {}): string {
  const template = tables[locale][key] ?? tables.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
