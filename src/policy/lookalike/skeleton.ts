import { CONFUSABLES, CONFUSABLES_DIGITS, COUNTS_IN_HEADER, PACKED_DIGITS } from './confusables-data.js';
import { inflateText } from './inflate.js';
import { unpackNumbers } from './packed-numbers.js';
import { remembered } from '../remembered.js';

// unhomoglyph's table (confusables.txt 13.0) maps Cyrillic palochka ӏ to "i", but in the fonts mail
// clients use it is a dotless "l": `аррӏе` must come out as "apple".
const SUPPLEMENT = new Map<string, string>([
  ['\u04cf', 'l'],
  ['\u04c0', 'l'],
]);

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const HOST_LABEL = /^[a-z0-9-]*$/;

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

/** The signed difference `zigzag` in scripts/confusables.js wrote as a whole number. */
function unzigzag(value: number): number {
  return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
}

/** Each character of the packed table with its prototype (the numbers as `tableNumbers` in scripts/confusables.js writes them). */
export function unpackPrototypes(): Map<string, string> {
  const table = new Map<string, string>();
  const numbers = unpackNumbers(inflateText(CONFUSABLES, PACKED_DIGITS), CONFUSABLES_DIGITS);
  let at = 0;
  const next = (): number => numbers[at++] ?? 0;
  let char = 0;
  let prototypeStart = 0;
  while (at < numbers.length) {
    const header = next();
    const prototypeLength = Math.floor(header / COUNTS_IN_HEADER) + 1;
    const counted = (header % COUNTS_IN_HEADER) + 1;
    const charCount = counted === COUNTS_IN_HEADER ? COUNTS_IN_HEADER + next() : counted;
    char += next();
    prototypeStart += unzigzag(next());
    let codePoint = prototypeStart;
    let prototype = String.fromCodePoint(codePoint);
    for (let k = 1; k < prototypeLength; k += 1) {
      codePoint += unzigzag(next());
      prototype += String.fromCodePoint(codePoint);
    }
    table.set(String.fromCodePoint(char), prototype);
    for (let k = 1, other = char; k < charCount; k += 1) {
      other += next() + 1;
      table.set(String.fromCodePoint(other), prototype);
    }
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
export const skeleton: (text: string) => string = remembered(skeletonOf, 4096);

// Remembered: a domain's labels are mostly ones seen before (`co`, `jp`, `com`), and each takes an NFD pass.
function skeletonOf(text: string): string {
  // Lower-case letters, digits and hyphens have no marks to strip and no supplement: straight to the table.
  if (HOST_LABEL.test(text)) return confusableSkeleton(text).toLowerCase();
  const bare = text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
  return confusableSkeleton(supplement(bare)).toLowerCase();
}

const LATIN_LOOKING = /^[a-z0-9-]+$/;

/** True when a string's skeleton is plain Latin letters, digits and hyphens. */
export function looksLatin(text: string): boolean {
  return LATIN_LOOKING.test(skeleton(text));
}
