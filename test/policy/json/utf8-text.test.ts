import { describe, expect, it } from 'vitest';
import { strictUtf8Text } from '../../../src/policy/json/utf8-text.js';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('strictUtf8Text', () => {
  it('decodes UTF-8 and drops a leading byte-order mark', () => {
    expect(strictUtf8Text(new TextEncoder().encode('{"term":"社外秘"}'))).toBe('{"term":"社外秘"}');
    expect(strictUtf8Text(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d))).toBe('{}');
  });

  it('refuses Shift_JIS (社 is 0x8e 0xd0) instead of replacing its bytes', () => {
    expect(strictUtf8Text(bytes(0x22, 0x8e, 0xd0, 0x22))).toBeNull();
  });

  it('refuses a sequence cut off at the end and an overlong form', () => {
    expect(strictUtf8Text(bytes(0xe7, 0xa4))).toBeNull();
    expect(strictUtf8Text(bytes(0xc0, 0xaf))).toBeNull();
  });
});
