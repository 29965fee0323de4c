import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hasSimdXor, writeXor } from '../../../src/server/zip/xor.js';

function expected(target: Uint8Array, keystream: Uint8Array, data: Uint8Array): Buffer {
  const result = Buffer.from(target);
  for (let index = 0; index < data.length; index += 1) result[index] = (keystream[index] as number) ^ (data[index] as number);
  return result;
}

describe('writeXor', () => {
  it('runs the WebAssembly SIMD loop on this host', () => {
    expect(hasSimdXor).toBe(true);
  });

  it.each([0, 1, 15, 16, 17, 4096 + 3, 1024 * 1024, 1024 * 1024 + 5, 2 * 1024 * 1024 + 33])(
    'XORs %d bytes, with SIMD and without',
    (length) => {
      for (const useSimd of [true, false]) {
        const target = randomBytes(length + 7);
        const keystream = randomBytes(length + 7);
        const data = randomBytes(length);
        const want = expected(target, keystream, data);
        writeXor(target, keystream, data, useSimd);
        expect(target.equals(want), `simd ${useSimd}`).toBe(true);
      }
    },
  );

  it('may write over its keystream', () => {
    const keystream = randomBytes(70_001);
    const data = randomBytes(70_001);
    const want = expected(keystream, keystream, data);
    writeXor(keystream, keystream, data);
    expect(keystream.equals(want)).toBe(true);
  });

  it('works on views that start anywhere in their buffers, leaving bytes past the data alone', () => {
    const backing = randomBytes(70_000);
    const target = backing.subarray(3, 60_003);
    const keystream = randomBytes(90_000).subarray(1, 60_001);
    const data = randomBytes(80_000).subarray(5, 50_006);
    const before = Buffer.from(backing);
    const want = expected(target, keystream, data);
    writeXor(target, keystream, data);
    expect(target.equals(want)).toBe(true);
    expect(backing.subarray(0, 3).equals(before.subarray(0, 3))).toBe(true);
    expect(backing.subarray(50_004).equals(before.subarray(50_004))).toBe(true);
  });
});
