import { describe, expect, it } from 'vitest';
import { parsePolicy, type Policy } from '../../../src/policy/index.js';
import { zipCryptoAllowed } from '../../../src/server/zip/zip-policy.js';
import { policyFrom } from '../../policy/fixtures.js';

describe('zipCryptoAllowed', () => {
  it.each([
    [{ version: 1 }, false],
    [{ attachments: {} }, false],
    [{ attachments: { protection: { external: 'zip' } } }, false],
    [{ attachments: { protection: { allowZipCrypto: true } } }, true],
    [{ attachments: { protection: { allowZipCrypto: false } } }, false],
  ])('policy %j → %s', (document, expected) => {
    expect(zipCryptoAllowed(policyFrom(document))).toBe(expected);
  });
});
