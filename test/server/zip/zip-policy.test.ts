import { describe, expect, it } from 'vitest';
import { parsePolicy, type Policy } from '../../../src/policy/index.js';
import { zipCryptoAllowed } from '../../../src/server/zip/zip-policy.js';

function policyOf(document: unknown): Policy {
  const result = parsePolicy(document);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}

describe('zipCryptoAllowed', () => {
  it.each([
    [{ version: 1 }, false],
    [{ attachments: {} }, false],
    [{ attachments: { protection: { external: 'zip' } } }, false],
    [{ attachments: { protection: { allowZipCrypto: true } } }, true],
    [{ attachments: { protection: { allowZipCrypto: false } } }, false],
  ])('policy %j → %s', (document, expected) => {
    expect(zipCryptoAllowed(policyOf(document))).toBe(expected);
  });
});
