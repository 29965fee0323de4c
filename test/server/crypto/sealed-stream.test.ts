import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CHUNK_SIZE,
  IntegrityError,
  SEALED_CHUNK_SIZE,
  chunkCount,
  openChunk,
  sealChunk,
  sealedSize,
} from '../../../src/server/crypto/chunk-cipher.js';
import { openStream, rechunk, sealStream, type StreamKey } from '../../../src/server/crypto/sealed-stream.js';

const KEY: StreamKey = { key: randomBytes(32), noncePrefix: randomBytes(7), context: Buffer.from('package/file') };

async function* pieces(buffer: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < buffer.length; offset += size) yield buffer.subarray(offset, offset + size);
}

async function collect(source: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const piece of source) out.push(piece);
  return out;
}

async function seal(plaintext: Buffer, key = KEY): Promise<Buffer[]> {
  return collect(sealStream(pieces(plaintext, 10_000), key));
}

async function open(records: Buffer[], key = KEY): Promise<Buffer> {
  return Buffer.concat(await collect(openStream(pieces(Buffer.concat(records), 7_777), key)));
}

describe('sealStream / openStream', () => {
  it.each([0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE, 3 * CHUNK_SIZE + 5])(
    'round-trips %i bytes in the expected layout',
    async (size) => {
      const plaintext = randomBytes(size);
      const records = await seal(plaintext);
      expect(records).toHaveLength(chunkCount(size));
      expect(Buffer.concat(records).length).toBe(sealedSize(size));
      expect(await open(records)).toEqual(plaintext);
    },
  );

  it.each([
    [
      'a flipped bit',
      (records: Buffer[]) =>
        records.map((record, index) => (index === 1 ? Buffer.from(record.map((byte, at) => (at === 5 ? byte ^ 1 : byte))) : record)),
    ],
    ['two chunks swapped', (records: Buffer[]) => [records[1], records[0], ...records.slice(2)] as Buffer[]],
    ['the last chunk dropped', (records: Buffer[]) => records.slice(0, -1)],
    ['a chunk appended', (records: Buffer[]) => [...records, records[0] as Buffer]],
    ['a truncated last chunk', (records: Buffer[]) => [...records.slice(0, -1), (records.at(-1) as Buffer).subarray(0, 10)]],
    ['nothing at all', () => []],
  ])('refuses %s', async (_name, tamper) => {
    const records = await seal(randomBytes(2 * CHUNK_SIZE + 100));
    await expect(open(tamper(records))).rejects.toBeInstanceOf(IntegrityError);
  });

  it('refuses another key, nonce prefix or context', async () => {
    const records = await seal(randomBytes(1000));
    await expect(open(records, { ...KEY, key: randomBytes(32) })).rejects.toBeInstanceOf(IntegrityError);
    await expect(open(records, { ...KEY, noncePrefix: randomBytes(7) })).rejects.toBeInstanceOf(IntegrityError);
    await expect(open(records, { ...KEY, context: Buffer.from('package/other') })).rejects.toBeInstanceOf(IntegrityError);
  });

  it('yields nothing of a chunk that fails, only the verified chunks before it', async () => {
    const plaintext = randomBytes(3 * CHUNK_SIZE);
    const records = await seal(plaintext);
    const second = records[1] as Buffer;
    second.writeUInt8((second.readUInt8(0) ^ 1) & 0xff, 0);
    const released: Buffer[] = [];
    await expect(
      (async () => {
        for await (const piece of openStream(pieces(Buffer.concat(records), SEALED_CHUNK_SIZE), KEY)) released.push(piece);
      })(),
    ).rejects.toBeInstanceOf(IntegrityError);
    expect(Buffer.concat(released)).toEqual(plaintext.subarray(0, CHUNK_SIZE));
  });
});

describe('openChunk', () => {
  it('marks the last chunk in the nonce: a last chunk does not open as a middle one', () => {
    const sealed = sealChunk(KEY.key, KEY.noncePrefix, { index: 0, last: true }, Buffer.from('x'), KEY.context);
    expect(openChunk(KEY.key, KEY.noncePrefix, { index: 0, last: true }, sealed, KEY.context)).toEqual(Buffer.from('x'));
    expect(() => openChunk(KEY.key, KEY.noncePrefix, { index: 0, last: false }, sealed, KEY.context)).toThrow(IntegrityError);
    expect(() => openChunk(KEY.key, KEY.noncePrefix, { index: 1, last: true }, sealed, KEY.context)).toThrow(IntegrityError);
  });
});

describe('rechunk', () => {
  it('cuts any input into pieces of the size asked, the last one shorter', async () => {
    const input = [Buffer.from('abc'), Buffer.from(''), Buffer.from('defgh'), Buffer.from('i')];
    const out = await collect(
      rechunk(
        (async function* () {
          yield* input;
        })(),
        4,
      ),
    );
    expect(out.map((piece) => piece.toString())).toEqual(['abcd', 'efgh', 'i']);
  });
});
