import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/launchevent/utf8.js';

describe('decodeUtf8', () => {
  it.each([
    ['ASCII', [0x41, 0x42], 'AB'],
    ['BOM is dropped', [0xef, 0xbb, 0xbf, 0x41], 'A'],
    ['Japanese', [...Buffer.from('個人番号', 'utf8')], '個人番号'],
    ['astral', [0xf0, 0x9f, 0x98, 0x80], '😀'],
  ])('%s', (_label, bytes, text) => {
    expect(decodeUtf8(new Uint8Array(bytes))).toBe(text);
  });

  it.each([
    ['Shift_JIS', [0x8c, 0xc2, 0x90, 0x6c]],
    ['overlong', [0xc0, 0xaf]],
    ['surrogate', [0xed, 0xa0, 0x80]],
    ['truncated', [0xe3, 0x81]],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ])('%s is refused', (_label, bytes) => {
    expect(decodeUtf8(new Uint8Array(bytes))).toBeNull();
  });

  it('agrees with TextDecoder on any string and refuses what it refuses', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(decodeUtf8(new Uint8Array(Buffer.from(text, 'utf8')))).toBe(new TextDecoder().decode(Buffer.from(text, 'utf8')));
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let expected: string | null;
        try {
          expected = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
        } catch {
          expected = null;
        }
        expect(decodeUtf8(bytes)).toBe(expected);
      }),
    );
  });

  it('decodes long text in chunks', () => {
    const text = 'マイナンバー'.repeat(5000);
    expect(decodeUtf8(new Uint8Array(Buffer.from(text, 'utf8')))).toBe(text);
  });
});
