import type { Locale } from './locale.js';
import { SCRIPT_STRINGS } from './tables/scripts.js';

/** The script's name in `locale`; a script the table does not know keeps its Unicode name rather than vanish. */
export function scriptName(locale: Locale, script: string): string {
  const table: Readonly<Record<string, string>> = SCRIPT_STRINGS[locale];
  return table[`script.${script}`] ?? script;
}
