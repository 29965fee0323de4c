import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesOfBase64 } from '../../src/browser-inspect/base64.js';

describe('bytesOfBase64', () => {
  it('decodes what Node encodes, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(bytesOfBase64(Buffer.from(bytes).toString('base64'))).toEqual(new Uint8Array(bytes));
      }),
    );
  });

  it('decodes without padding and across line breaks, as atob does', () => {
    expect(new TextDecoder().decode(bytesOfBase64('5Lit6Lqr'))).toBe('中身');
    expect(bytesOfBase64('QQ')).toEqual(new Uint8Array([0x41]));
    expect(bytesOfBase64('QU\r\nI=\n')).toEqual(new Uint8Array([0x41, 0x42]));
    expect(bytesOfBase64('')).toEqual(new Uint8Array([]));
  });

  it('refuses characters that are not base64, as atob does', () => {
    expect(() => bytesOfBase64('QUJD*')).toThrow(SyntaxError);
    expect(() => bytesOfBase64('QUJDR')).toThrow(SyntaxError);
    expect(() => bytesOfBase64('QUJ\u00e9')).toThrow(SyntaxError);
  });
});
