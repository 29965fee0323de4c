import { describe, expect, it } from 'vitest';
import { decodeSettingsText, numberedLines } from '../../../src/cli/import/settings-text.js';
import { readCsvRecords, csvBoolean } from '../../../src/cli/import/outlookokan/csv-records.js';

const utf16 = (text: string, bigEndian: boolean): Uint8Array => {
  const bytes = [bigEndian ? 0xfe : 0xff, bigEndian ? 0xff : 0xfe];
  for (const char of text) {
    const code = char.charCodeAt(0);
    bytes.push(...(bigEndian ? [code >> 8, code & 0xff] : [code & 0xff, code >> 8]));
  }
  return Uint8Array.from(bytes);
};

describe('decodeSettingsText', () => {
  it.each<[string, Uint8Array]>([
    ['UTF-8', new TextEncoder().encode('社外秘\n')],
    ['UTF-8 with a BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('社外秘\n')])],
    ['UTF-16LE with a BOM', utf16('社外秘\n', false)],
    ['UTF-16BE with a BOM', utf16('社外秘\n', true)],
  ])('reads %s', (_name, bytes) => {
    expect(decodeSettingsText(bytes)).toBe('社外秘\n');
  });

  it('refuses Shift_JIS rather than guessing', () => {
    // 社外秘 in Shift_JIS.
    expect(decodeSettingsText(Uint8Array.from([0x8e, 0xd0, 0x8a, 0x4f, 0x94, 0xe9]))).toBeNull();
  });
});

describe('numberedLines', () => {
  it('numbers lines from 1 whatever the line ending', () => {
    expect(numberedLines('a\r\nb\nc\rd')).toEqual([
      { number: 1, text: 'a' },
      { number: 2, text: 'b' },
      { number: 3, text: 'c' },
      { number: 4, text: 'd' },
    ]);
  });
});

describe('readCsvRecords', () => {
  it('reads quotes, doubled quotes, commas and line breaks inside quotes, with the line each record starts on', () => {
    const text = 'a,b,c\r\n\r\n"x, y","say ""hi""",z\r\n"two\r\nlines",,\r\nlast';
    expect(readCsvRecords(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 3, fields: ['x, y', 'say "hi"', 'z'] },
      { line: 4, fields: ['two\r\nlines', '', ''] },
      { line: 6, fields: ['last'] },
    ]);
  });

  it('reads nothing from an empty file', () => {
    expect(readCsvRecords('')).toEqual([]);
    expect(readCsvRecords('\r\n')).toEqual([]);
  });
});

describe('csvBoolean', () => {
  it.each<[string | undefined, boolean | undefined]>([
    ['True', true],
    ['yes', true],
    ['Y', true],
    ['False', false],
    ['N', false],
    ['', true],
    [undefined, true],
    ['maybe', undefined],
  ])('%j → %j (default true)', (text, expected) => {
    expect(csvBoolean(text, true)).toBe(expected);
  });
});
