import { describe, expect, it } from 'vitest';
import { zipCryptoAllowed } from '../../../src/server/zip/zip-policy.js';

describe('zipCryptoAllowed', () => {
  it.each([
    [{ version: 1 }, false, false],
    [{ version: 1 }, true, true],
    [{ attachments: { protection: { allowZipCrypto: true } } }, false, true],
    [{ attachments: { protection: { allowZipCrypto: false } } }, true, false],
    [{ attachments: { protection: { allowZipCrypto: 'yes' } } }, false, false],
    [{ attachments: { protection: [] } }, true, true],
    [{ attachments: null }, false, false],
    [JSON.parse('{"attachments":{"protection":{"__proto__":{"allowZipCrypto":true}}}}'), false, false],
    [null, true, true],
  ])('policy %j with server setting %s → %s', (document, setting, expected) => {
    expect(zipCryptoAllowed(document, setting)).toBe(expected);
  });
});
