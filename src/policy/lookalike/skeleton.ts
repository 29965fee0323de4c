import { CONFUSABLES, GROUP_END, PROTOTYPE_END } from './confusables-data.js';

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

// The UTS #39 confusables (unhomoglyph's confusables.txt 13.0) map single code points only, so a
// per-character lookup gives the skeleton without compiling a 6,311-way regular expression. The table
// keeps only the characters `skeleton` can look up (scripts/confusables.js). It is unpacked on first
// use rather than at load, so that a send that compares no domain does not pay for it.
let prototypes: ReadonlyMap<string, string> | null = null;

function unpackPrototypes(): ReadonlyMap<string, string> {
  const table = new Map<string, string>();
  for (const group of CONFUSABLES.split(GROUP_END)) {
    const end = group.indexOf(PROTOTYPE_END);
    const prototype = group.slice(0, end);
    for (const char of group.slice(end + 1)) table.set(char, prototype);
  }
  return table;
}

function prototypeOf(char: string): string {
  if (prototypes === null) prototypes = unpackPrototypes();
  return prototypes.get(char) ?? char;
}

function confusableSkeleton(text: string): string {
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
