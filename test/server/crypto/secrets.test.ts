import { describe, expect, it } from 'vitest';
import { hashOneTimeCode, hashToken, newLinkToken, newOneTimeCode } from '../../../src/server/crypto/secrets.js';

describe('link tokens and one-time codes', () => {
  it('makes tokens of 192 random bits in base64url, stored as a 32-byte hash', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newLinkToken()));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(hashToken('abc')).toHaveLength(32);
  });

  it('makes codes of the asked number of digits, using every digit', () => {
    const codes = Array.from({ length: 300 }, () => newOneTimeCode(6));
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(new Set(codes.join('')).size).toBe(10);
  });

  it('hashes a code per data key and recipient', () => {
    const key = Buffer.alloc(32, 1);
    const hash = hashOneTimeCode(key, 'r1', '123456');
    expect(hashOneTimeCode(key, 'r1', '123456')).toEqual(hash);
    expect(hashOneTimeCode(key, 'r2', '123456')).not.toEqual(hash);
    expect(hashOneTimeCode(Buffer.alloc(32, 2), 'r1', '123456')).not.toEqual(hash);
    expect(hashOneTimeCode(key, 'r1', '123457')).not.toEqual(hash);
  });
});
