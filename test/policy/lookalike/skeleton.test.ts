import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import unhomoglyph from 'unhomoglyph';
import confusableData from 'unhomoglyph/data.json' with { type: 'json' };
import { confusablesModule, keptMappings, numbersText, packNumber } from '../../../scripts/confusables.js';
import { CONFUSABLES, CONFUSABLES_DIGITS, PACKED_DIGITS } from '../../../src/policy/lookalike/confusables-data.js';
import { inflateText } from '../../../src/policy/lookalike/inflate.js';
import { unpackNumbers } from '../../../src/policy/lookalike/packed-numbers.js';
import { looksLatin, skeleton, unpackPrototypes } from '../../../src/policy/lookalike/skeleton.js';

describe('skeleton', () => {
  it.each([
    ['rnicrosoft', 'microsoft'],
    ['micros0ft', 'microsoft'],
    ['examp1e', 'example'],
    ['EXAMPLE', 'example'],
    ['exаmple', 'example'],
    ['аррӏе', 'apple'],
    ['АРРӀЕ', 'apple'],
    ['exámple', 'example'],
    ['ѕсһооӏ', 'school'],
  ])('%s looks like %s', (left, right) => {
    expect(skeleton(left)).toBe(skeleton(right));
  });

  it.each([
    ['sony', 'sonar'],
    ['partner', 'example'],
    ['exampie', 'example'],
    ['日本語', 'nihongo'],
  ])('%s does not look like %s', (left, right) => {
    expect(skeleton(left)).not.toBe(skeleton(right));
  });
});

describe('looksLatin', () => {
  it.each([
    ['аррӏе', true],
    ['ѕсһооӏ', true],
    ['ехаmple', true],
    ['日本語', false],
    ['шкаф', false],
    ['λόγος', false],
  ])('%s: %s', (text, latin) => {
    expect(looksLatin(text)).toBe(latin);
  });
});

/** `skeleton` computed from unhomoglyph's whole table, as src/policy/lookalike/skeleton.ts did before it was packed. */
function fullTableSkeleton(text: string): string {
  const bare = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return unhomoglyph(bare.replace(/[\u04cf\u04c0]/g, 'l')).toLowerCase();
}

const FULL_TABLE = Object.entries(confusableData as Record<string, string>);

describe('skeleton with the packed table', () => {
  it('gives what the whole table gives, for every character of it and its prototype, alone and in a label', () => {
    expect(FULL_TABLE.length).toBeGreaterThan(6000);
    for (const [char, prototype] of FULL_TABLE) {
      for (const sample of [char, prototype, `ex${char}mple`, `${char}${char.toUpperCase()}-${prototype}`]) {
        expect(skeleton(sample)).toBe(fullTableSkeleton(sample));
      }
    }
  }, 60_000);

  it('gives what the whole table gives for any text', () => {
    const tableChar = fc.constantFrom(...FULL_TABLE.flat());
    const anyCodePoint = fc
      .integer({ min: 0, max: 0x10ffff })
      .filter((codePoint) => codePoint < 0xd800 || codePoint > 0xdfff)
      .map((codePoint) => String.fromCodePoint(codePoint));
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'e', 'l', '-', '\u0301', '\u03a3'), tableChar, anyCodePoint) });
    fc.assert(
      fc.property(text, (sample) => skeleton(sample) === fullTableSkeleton(sample)),
      { numRuns: 2000 },
    );
  }, 60_000);
});

describe('the packed table', () => {
  it('unpacks to every kept character under its prototype, and to nothing else', () => {
    const kept = keptMappings().flatMap(([prototype, chars]) => chars.map((char): [string, string] => [char, prototype]));
    expect(kept.length).toBeGreaterThan(4000);
    expect([...unpackPrototypes()].sort()).toEqual(kept.sort());
  });

  it('reads back every number it writes, in a row', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0x10ffff * 2 + 1 })), (numbers) => {
        expect(unpackNumbers(numbers.map(packNumber).join(''), CONFUSABLES_DIGITS)).toEqual(numbers);
      }),
    );
  });
});

describe('scripts/confusables.js', () => {
  it('wrote the committed table from the unhomoglyph installed now', () => {
    // The compressed text itself may differ with the zlib of another Node version; what it inflates to may not.
    const withoutPacked = (text: string): string => text.replace(/^export const CONFUSABLES = '.*';$/m, '');
    const committed = readFileSync(new URL('../../../src/policy/lookalike/confusables-data.ts', import.meta.url), 'utf8');
    expect(withoutPacked(committed)).toBe(withoutPacked(confusablesModule()));
    expect(inflateText(CONFUSABLES, PACKED_DIGITS)).toBe(numbersText());
  }, 60_000);
});
