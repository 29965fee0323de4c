import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { sha256Hex, utf8Bytes } from '../../src/policy/sha256.js';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  test.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('FIPS 180-4 example %j', (input, digest) => {
    expect(sha256Hex(input)).toBe(digest);
  });

  test.each([55, 56, 63, 64, 65, 119, 120, 1000])('agrees with node:crypto at %d bytes (padding edges)', (length) => {
    const text = 'a'.repeat(length);
    expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  test('agrees with node:crypto on Japanese, emoji and lone surrogates', () => {
    for (const text of ['見積書.xlsx', '社外秘🔒', 'a\uD800b', '\uDC00']) expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  test('leaves nothing of a longer text in the padding of a shorter one after it', () => {
    for (const text of ['x'.repeat(5000), 'abc', '日本'.repeat(900), '']) expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  test('agrees with node:crypto on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => sha256Hex(text) === nodeSha256(text)),
      { numRuns: 150 },
    );
  });
});

describe('utf8Bytes', () => {
  test('agrees with Buffer on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (text) => {
        expect(utf8Bytes(text)).toEqual([...Buffer.from(text, 'utf8')]);
      }),
    );
  });
});

describe('without TextEncoder, as in classic Outlook', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  test('writes the same bytes and hashes by its own loop', async () => {
    vi.stubGlobal('TextEncoder', undefined);
    vi.resetModules();
    const own = await import('../../src/policy/sha256.js');
    for (const text of ['', 'abc', '見積書.xlsx', '社外秘🔒', 'a\uD800b', '\uDC00', 'x'.repeat(5000), 'abc'])
      expect(own.sha256Hex(text)).toBe(nodeSha256(text));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(own.utf8Bytes(text)).toEqual([...Buffer.from(text, 'utf8')]);
        expect(own.sha256Hex(text)).toBe(nodeSha256(text));
      }),
      { numRuns: 150 },
    );
  });
});
