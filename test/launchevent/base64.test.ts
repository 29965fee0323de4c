import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../src/launchevent/base64.js';

describe('decodeBase64', () => {
  it.each([
    ['', []],
    ['QQ==', [0x41]],
    ['QUI=', [0x41, 0x42]],
    ['QUJD', [0x41, 0x42, 0x43]],
    ['QUJD\r\nRA==', [0x41, 0x42, 0x43, 0x44]],
    ['QUJDRA', [0x41, 0x42, 0x43, 0x44]],
    ['-_8=', [0xfb, 0xff]],
    ['+/8=', [0xfb, 0xff]],
  ])('%j decodes', (text, bytes) => {
    expect([...(decodeBase64(text) ?? [0xdead])]).toEqual(bytes);
  });

  it.each(['QQ=A', 'Q', 'QU!D', 'あいう', 'QQ==QQ=='])('%j is refused', (text) => {
    expect(decodeBase64(text)).toBeNull();
  });

  it('agrees with Buffer for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        expect(decodeBase64(text)).toEqual(new Uint8Array(bytes));
      }),
    );
  });
});
