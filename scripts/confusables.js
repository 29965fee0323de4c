#!/usr/bin/env node
// Writes src/policy/lookalike/confusables-data.ts: the UTS #39 confusables mappings
// (https://www.unicode.org/reports/tr39/#Confusable_Detection; confusables.txt as packaged by
// unhomoglyph, MIT) that `skeleton` in src/policy/lookalike/skeleton.ts can ever look up, packed so
// that the handler bundle carries ~27 KB instead of the package's 77 KB JSON. Run
// `node scripts/confusables.js` after upgrading unhomoglyph; test/policy/lookalike/skeleton.test.ts
// fails until then.
//
// Which mappings: `skeleton` decomposes (NFD), drops the accents U+0300–U+036F and lower-cases before
// it looks a character up, so a character that step can never produce (`É`, `Ａ`) is never looked up.
// Its result is lower-cased again, so each prototype is kept lower-cased.
import CONFUSABLES from 'unhomoglyph/data.json' with { type: 'json' };
import { DIGITS, deflatedText } from './deflate-text.js';
import { packageVersion, writeWhenRun } from './generated-module.js';

const OUTPUT = 'src/policy/lookalike/confusables-data.ts';
// The printable ASCII characters a single-quoted literal needs no escape for: FINAL_DIGITS end a number,
// MORE_DIGITS come before them for larger ones. 58 of 93 ending digits made the shortest table.
const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i))
  .filter((char) => char !== "'" && char !== '\\')
  .join('');
const FINAL_DIGITS = PRINTABLE.slice(0, 58);
const MORE_DIGITS = PRINTABLE.slice(58);
// A group's header says its prototype's length and, up to this many, its characters' count.
const COUNTS_IN_HEADER = 16;

/** What `skeleton` does to text before its lookup; keep in step with src/policy/lookalike/skeleton.ts. */
export function bareForLookup(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Every character the step before the lookup can produce, from any text. */
function lookedUpCharacters() {
  // Lower-casing is per character except for the final sigma, which gives ς (itself a character).
  const characters = new Set(['\u03c2']);
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) {
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
    for (const char of bareForLookup(String.fromCodePoint(codePoint))) characters.add(char);
  }
  return characters;
}

/** [prototype, characters] pairs: each kept character under its lower-cased prototype, both sorted. */
export function keptMappings() {
  const looked = lookedUpCharacters();
  const byPrototype = new Map();
  for (const [char, prototype] of Object.entries(CONFUSABLES)) {
    if (!looked.has(char)) continue;
    // A capital sigma would lower-case differently alone than inside the whole skeleton.
    if (prototype.includes('\u03a3')) throw new Error(`Prototype with a capital sigma: ${char}`);
    const lower = prototype.toLowerCase();
    byPrototype.set(lower, [...(byPrototype.get(lower) ?? []), char]);
  }
  const byCodePoint = (a, b) => a.codePointAt(0) - b.codePointAt(0);
  return [...byPrototype]
    .map(([prototype, chars]) => [prototype, chars.sort(byCodePoint)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * `value` (a whole number) as digits: the last one of FINAL_DIGITS (value modulo their count), before it
 * the rest in bijective base MORE_DIGITS.length, most significant first; decoded by
 * src/policy/lookalike/packed-numbers.ts.
 */
export function packNumber(value) {
  let digits = FINAL_DIGITS.charAt(value % FINAL_DIGITS.length);
  for (let rest = Math.floor(value / FINAL_DIGITS.length); rest > 0; rest = Math.floor((rest - 1) / MORE_DIGITS.length)) {
    digits = MORE_DIGITS.charAt((rest - 1) % MORE_DIGITS.length) + digits;
  }
  return digits;
}

/** A signed difference as a whole number: 0, -1, 1, -2 … as 0, 1, 2, 3 … */
function zigzag(difference) {
  return difference < 0 ? -2 * difference - 1 : 2 * difference;
}

/**
 * The numbers of the packed table. Groups in the order of their first character; each group: a header,
 * (prototype code points - 1) * COUNTS_IN_HEADER + min(characters - 1, COUNTS_IN_HEADER - 1), then
 * characters - COUNTS_IN_HEADER when that is not less than 0; the first character's step from the
 * previous group's; the prototype's first code point, zigzag, from the previous group's; each further
 * prototype code point, zigzag, from the one before; each further character's step from the one before,
 * less one. Steps are small where Unicode repeats an alphabet (𝐚 𝐛 … under a b …), so most take one digit.
 */
export function tableNumbers(mappings) {
  const codePoints = (texts) => texts.map((text) => text.codePointAt(0));
  const groups = mappings
    .map(([prototype, chars]) => ({ prototype: codePoints(Array.from(prototype)), chars: codePoints(chars) }))
    .sort((a, b) => a.chars[0] - b.chars[0]);
  const numbers = [];
  let previousChar = 0;
  let previousPrototype = 0;
  for (const { prototype, chars } of groups) {
    numbers.push((prototype.length - 1) * COUNTS_IN_HEADER + Math.min(chars.length - 1, COUNTS_IN_HEADER - 1));
    if (chars.length >= COUNTS_IN_HEADER) numbers.push(chars.length - COUNTS_IN_HEADER);
    numbers.push(chars[0] - previousChar);
    numbers.push(zigzag(prototype[0] - previousPrototype));
    for (let k = 1; k < prototype.length; k += 1) numbers.push(zigzag(prototype[k] - prototype[k - 1]));
    for (let k = 1; k < chars.length; k += 1) numbers.push(chars[k] - chars[k - 1] - 1);
    previousChar = chars[0];
    previousPrototype = prototype[0];
  }
  return numbers;
}

/** The table's numbers as digits, before compression. */
export function numbersText(mappings = keptMappings()) {
  return tableNumbers(mappings).map(packNumber).join('');
}

/** The text of the generated module. */
export function confusablesModule() {
  const mappings = keptMappings();
  const characters = mappings.reduce((sum, [, chars]) => sum + chars.length, 0);
  return [
    `// Generated by \`node scripts/confusables.js\` from unhomoglyph ${packageVersion('unhomoglyph')}: do not edit.`,
    `// ${characters} of its ${Object.keys(CONFUSABLES).length} characters, under ${mappings.length} lower-cased prototypes.`,
    '',
    "import type { NumberDigits } from './packed-numbers.js';",
    '',
    '/** How CONFUSABLES writes its numbers. */',
    `export const CONFUSABLES_DIGITS: NumberDigits = { final: '${FINAL_DIGITS}', more: '${MORE_DIGITS}' };`,
    `export const COUNTS_IN_HEADER = ${COUNTS_IN_HEADER};`,
    '/**',
    ' * The groups of characters that look like one prototype, as numbers (`tableNumbers` in',
    ' * scripts/confusables.js says which) in CONFUSABLES_DIGITS, compressed with DEFLATE in',
    ' * PACKED_DIGITS: read by src/policy/lookalike/skeleton.ts.',
    ' */',
    `export const PACKED_DIGITS = '${DIGITS}';`,
    `export const CONFUSABLES = '${deflatedText(numbersText(mappings))}';`,
    '',
  ].join('\n');
}

writeWhenRun(import.meta.url, OUTPUT, confusablesModule);
