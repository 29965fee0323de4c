import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hasSimdXor, xorInto } from '../../../src/server/zip/xor.js';

function expected(target: Uint8Array, source: Uint8Array): Buffer {
  const result = Buffer.from(target);
  for (let index = 0; index < source.length; index += 1) result[index] = (result[index] as number) ^ (source[index] as number);
  return result;
}

describe('xorInto', () => {
  it('runs the WebAssembly SIMD loop on this host', () => {
    expect(hasSimdXor).toBe(true);
  });

  it.each([0, 1, 15, 16, 17, 4096 + 3, 1024 * 1024, 1024 * 1024 + 5, 2 * 1024 * 1024 + 33])('XORs %d bytes, with SIMD and without', (length) => {
    for (const useSimd of [true, false]) {
      const target = randomBytes(length + 7);
      const source = randomBytes(length);
      const want = expected(target, source);
      xorInto(target, source, useSimd);
      expect(target.equals(want), `simd ${useSimd}`).toBe(true);
    }
  });

  it('works on views that start anywhere in their buffers, leaving bytes past the source alone', () => {
    const backing = randomBytes(70_000);
    const target = backing.subarray(3, 60_003);
    const source = randomBytes(80_000).subarray(5, 50_006);
    const before = Buffer.from(backing);
    const want = expected(target, source);
    xorInto(target, source);
    expect(target.equals(want)).toBe(true);
    expect(backing.subarray(0, 3).equals(before.subarray(0, 3))).toBe(true);
    expect(backing.subarray(50_004).equals(before.subarray(50_004))).toBe(true);
  });
});
