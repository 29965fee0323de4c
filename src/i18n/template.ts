import type { Locale } from './locale.js';

export type Params = Readonly<Record<string, string | number>>;

/** One area's tables: the Japanese one must have exactly the English keys, so a missing or extra key fails to compile. */
export type TablePair<English> = { readonly en: English; readonly ja: Readonly<Record<keyof English, string>> };

export type Tables = { readonly [locale in Locale]: Readonly<Record<string, string>> };

/** A piece of a translated text: literal template text, or the value of the placeholder `param`. */
export interface TextPart {
  readonly text: string;
  readonly param?: string;
}

function templateOf(tables: Tables, locale: Locale, key: string): string {
  return tables[locale][key] ?? tables.en[key] ?? key;
}

/** `{name}` placeholders are replaced by params; an unknown key is shown as itself so nothing disappears. */
export function translateFrom(tables: Tables, locale: Locale, key: string, params: Params = {}): string {
  return templateOf(tables, locale, key).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The same text as translateFrom, in pieces, so a screen can lay out some values (addresses) its own way. */
export function translatePartsFrom(tables: Tables, locale: Locale, key: string, params: Params = {}): TextPart[] {
  const template = templateOf(tables, locale, key);
  const parts: TextPart[] = [];
  const placeholder = /\{(\w+)\}/g;
  let last = 0;
  for (let match = placeholder.exec(template); match !== null; match = placeholder.exec(template)) {
    const name = match[1] ?? '';
    const value = params[name];
    if (value === undefined) continue;
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    parts.push({ text: String(value), param: name });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}
