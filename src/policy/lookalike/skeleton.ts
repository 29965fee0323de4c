import confusables from 'unhomoglyph/data.json' with { type: 'json' };

// unhomoglyph's table (confusables.txt 13.0) maps Cyrillic palochka ӏ to "i", but in the fonts mail
// clients use it is a dotless "l": `аррӏе` must come out as "apple".
const SUPPLEMENT = new Map<string, string>([
  ['\u04cf', 'l'],
  ['\u04c0', 'l'],
]);

const COMBINING_MARKS = /[\u0300-\u036f]/g;

function supplement(text: string): string {
  let result = '';
  for (const char of text) result += SUPPLEMENT.get(char) ?? char;
  return result;
}

// unhomoglyph's data (UTS #39 confusables.txt 13.0) maps single code points only, so a per-character
// lookup gives its skeleton without compiling its 6,311-way regular expression.
const CONFUSABLES: Readonly<Record<string, string>> = confusables;

function prototypeOf(char: string): string {
  return Object.prototype.hasOwnProperty.call(CONFUSABLES, char) ? (CONFUSABLES[char] ?? char) : char;
}

/** The UTS #39 skeleton exactly as unhomoglyph computes it (no supplement, no case folding). */
export function confusableSkeleton(text: string): string {
  let result = '';
  for (const char of text) result += prototypeOf(char);
  return result;
}

/**
 * What a string looks like, for comparing: the UTS #39 skeleton (`m` and `rn`, `0` and `o`,
 * Cyrillic `а` and Latin `a` all compare equal), with accents dropped and case folded so that
 * `exámple` and `EXAMPLE` also look like `example`.
 */
export function skeleton(text: string): string {
  const bare = text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
  return confusableSkeleton(supplement(bare)).toLowerCase();
}

const LATIN_LOOKING = /^[a-z0-9-]+$/;

/** True when a string's skeleton is plain Latin letters, digits and hyphens. */
export function looksLatin(text: string): boolean {
  return LATIN_LOOKING.test(skeleton(text));
}
