import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKeys, fillCounterBlocks, WinZipAesEncryptor } from '../../../src/server/zip/winzip-aes.js';

const PASSWORD = 'Kp7vQw3ZrT9xMh2nB4cD';
const SALT = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');

/** The spec read literally: keystream block n = AES(key, n as 16 little-endian bytes), XORed byte by byte. */
function referenceEncrypt(plain: Buffer): { ciphertext: Buffer; code: Buffer } {
  const material = pbkdf2Sync(PASSWORD, SALT, 1000, 66, 'sha1');
  const key = material.subarray(0, 32);
  const blocks = Math.ceil(plain.length / 16);
  const counters = Buffer.alloc(blocks * 16);
  for (let block = 0; block < blocks; block += 1) counters.writeBigUInt64LE(BigInt(block + 1), block * 16);
  const keystream = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false).update(counters);
  const ciphertext = Buffer.alloc(plain.length);
  for (let index = 0; index < plain.length; index += 1) ciphertext[index] = (plain[index] as number) ^ (keystream[index] as number);
  const code = createHmac('sha1', material.subarray(32, 64)).update(ciphertext).digest().subarray(0, 10);
  return { ciphertext, code };
}

async function encrypt(
  plain: Buffer,
  splits: readonly number[],
  offThread = false,
): Promise<{ header: Buffer; ciphertext: Buffer; code: Buffer }> {
  const encryptor = new WinZipAesEncryptor(PASSWORD, { salt: SALT, offThread });
  const parts: Buffer[] = [];
  let offset = 0;
  for (const end of [...splits, plain.length]) {
    await encryptor.caughtUp();
    parts.push(encryptor.update(plain.subarray(offset, end)));
    offset = end;
  }
  const { tail, authenticationCode } = await encryptor.final();
  return { header: encryptor.header, ciphertext: Buffer.concat([...parts, tail]), code: authenticationCode };
}

describe('WinZip AES-256', () => {
  it('derives 32-byte keys and the 2-byte verifier from PBKDF2-HMAC-SHA1 with 1,000 rounds', async () => {
    const material = pbkdf2Sync(PASSWORD, SALT, 1000, 66, 'sha1');
    const keys = deriveKeys(PASSWORD, SALT);
    expect([keys.encryptionKey, keys.authenticationKey, keys.verifier]).toEqual([
      material.subarray(0, 32),
      material.subarray(32, 64),
      material.subarray(64),
    ]);
    expect((await encrypt(Buffer.alloc(0), [])).header).toEqual(Buffer.concat([SALT, material.subarray(64)]));
  });

  // 4,200 blocks: the counter's low byte wraps 16 times, so a big-endian or byte-sized counter fails.
  const plain = randomBytes(4200 * 16 + 7);
  it.each([
    ['in one piece', []],
    ['in odd pieces', [1, 17, 18, 4096, 4099, 30_001]],
    ['a byte at a time at the start and the end', [1, 2, 3, plain.length - 2, plain.length - 1]],
  ] as const)('encrypts with a little-endian counter from 1 and authenticates the ciphertext %s', async (_label, splits) => {
    const expected = referenceEncrypt(plain);
    for (const offThread of [false, true]) {
      const actual = await encrypt(plain, splits, offThread);
      expect(actual.ciphertext.equals(expected.ciphertext), `off thread: ${offThread}`).toBe(true);
      expect(actual.code, `off thread: ${offThread}`).toEqual(expected.code);
    }
  });

  // The encryptor works in 64 KiB windows and the writer hands it 1 MiB slices (zip-source.ts): every
  // size around either edge must give the reference's bytes, whether it comes whole or in slices.
  const WINDOW = 64 * 1024;
  const SLICE = 1024 * 1024;
  it.each([0, 1, 15, 16, 17, WINDOW - 1, WINDOW, WINDOW + 1, SLICE - 1, SLICE, SLICE + 1, 3 * SLICE + WINDOW + 5])(
    'matches the reference for %d bytes, whole and in 1 MiB slices, authenticated here and on the worker',
    async (length) => {
      const data = randomBytes(length);
      const expected = referenceEncrypt(data);
      const slices = Array.from({ length: Math.max(0, Math.ceil(length / SLICE) - 1) }, (_unused, index) => (index + 1) * SLICE);
      for (const splits of [[], slices]) {
        for (const offThread of [false, true]) {
          const actual = await encrypt(data, splits, offThread);
          const label = `splits ${splits.join(',')}, off thread: ${offThread}`;
          expect(actual.ciphertext.equals(expected.ciphertext), label).toBe(true);
          expect(actual.code, label).toEqual(expected.code);
        }
      }
    },
  );

  it('gives the same result for input that does not start on a 4-byte boundary', async () => {
    const unaligned = Buffer.concat([Buffer.alloc(3), plain]).subarray(3);
    expect(unaligned.byteOffset % 4).not.toBe(0);
    const actual = await encrypt(unaligned, [16 * 1000]);
    expect(actual.ciphertext.equals(referenceEncrypt(plain).ciphertext)).toBe(true);
  });

  it('salts every entry afresh unless told otherwise', () => {
    expect(new WinZipAesEncryptor(PASSWORD).header.equals(new WinZipAesEncryptor(PASSWORD).header)).toBe(false);
    expect(() => new WinZipAesEncryptor(PASSWORD, { salt: randomBytes(8) })).toThrow(RangeError);
  });
});

describe('fillCounterBlocks', () => {
  const expected = (first: number, blocks: number): Buffer =>
    Buffer.concat(
      Array.from({ length: blocks }, (_unused, block) => {
        const counter = Buffer.alloc(16);
        counter.writeBigUInt64LE(BigInt(first + block));
        return counter;
      }),
    );

  it.each([
    [1, 3, true],
    [1, 3, false],
    [255, 3, true],
    [0xffff_fffe, 2, true],
    [0xffff_fffe, 4, true],
    [0xffff_fffe, 4, false],
    [2 ** 40 + 5, 2, false],
  ])('from %d, %d blocks, little-endian words allowed: %s', (first, blocks, littleEndian) => {
    const target = Buffer.alloc(blocks * 16);
    fillCounterBlocks(target, first, blocks, littleEndian);
    expect(target.toString('hex')).toBe(expected(first, blocks).toString('hex'));
  });
});
