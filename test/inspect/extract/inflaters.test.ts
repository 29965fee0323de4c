// Both inflaters the shells inject (src/inspect/extract/inflate.ts): node:zlib for Node, and
// DecompressionStream for the browser, which Node has too.
import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zlibInflater } from '../../../src/cli/zlib-inflater.js';
import {
  decompressionStreamInflater,
  extractText,
  type DecompressionStreamConstructor,
  type RawInflater,
} from '../../../src/inspect/index.js';
import { INFLATE_WRITE_BYTES } from '../../../src/inspect/extract/inflate.js';
import { patchZip, utf8, zipOf } from './fixtures.js';

const INFLATERS: readonly (readonly [string, RawInflater])[] = [
  ['node:zlib', zlibInflater(16 * 1024)],
  ['DecompressionStream', decompressionStreamInflater(DecompressionStream as DecompressionStreamConstructor)],
];

function pseudoRandomBytes(count: number): Uint8Array {
  const bytes = new Uint8Array(count);
  let state = 12345;
  for (let index = 0; index < count; index += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

async function inflateAll(inflater: RawInflater, compressed: Uint8Array): Promise<{ end: string; bytes: Uint8Array }> {
  const chunks: Uint8Array[] = [];
  const end = await inflater(compressed, (chunk) => {
    chunks.push(chunk.slice());
    return true;
  });
  return { end, bytes: Buffer.concat(chunks) };
}

// Generous: these inflate megabytes, and the VM runs other jobs.
describe.each(INFLATERS)('the %s inflater', { timeout: 60_000 }, (_name, inflater) => {
  it('inflates raw DEFLATE to the original bytes', async () => {
    const original = pseudoRandomBytes(300_000);
    const result = await inflateAll(inflater, deflateRawSync(original));
    expect(result.end).toBe('end');
    expect(Buffer.from(result.bytes).equals(original)).toBe(true);
  });

  it('leaves each chunk as it was handed over, so the reader may scan it later', async () => {
    const original = pseudoRandomBytes(300_000);
    const kept: Uint8Array[] = [];
    const end = await inflater(deflateRawSync(original), (chunk) => {
      kept.push(chunk);
      return true;
    });
    expect(end).toBe('end');
    expect(kept.length).toBeGreaterThan(1);
    expect(Buffer.from(Buffer.concat(kept)).equals(original)).toBe(true);
  });

  it('hands the output over in chunks and inflates no further once a chunk is refused', async () => {
    const compressed = deflateRawSync(new Uint8Array(16 * 1024 * 1024));
    let accepted = 0;
    let offeredAfterRefusal = 0;
    let refused = false;
    const end = await inflater(compressed, (chunk) => {
      if (refused) offeredAfterRefusal += 1;
      else if (accepted > 100_000) refused = true;
      else accepted += chunk.length;
      return !refused;
    });
    expect(end).toBe('stopped');
    expect(refused).toBe(true);
    expect(offeredAfterRefusal).toBe(0);
    expect(accepted).toBeLessThan(1024 * 1024);
  });

  it('reports truncated and garbage input as corrupt', async () => {
    const compressed = deflateRawSync(pseudoRandomBytes(100_000));
    expect((await inflateAll(inflater, compressed.subarray(0, compressed.length >> 1))).end).toBe('corrupt');
    expect((await inflateAll(inflater, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]))).end).toBe('corrupt');
  });

  it('reads a ZIP and stops a member that lies about its size at the entry limit, injected into extractText', async () => {
    const liar = patchZip(await zipOf({ 'zeros.txt': new Uint8Array(8 * 1024 * 1024) }), { uncompressedSize: 100 });
    const stopped = await extractText('bomb.zip', liar, { maxEntryBytes: 1024 * 1024, maxRatio: 1e9 }, { inflateRaw: inflater });
    expect(stopped).toMatchObject({ status: 'uninspectable', limit: 'entry-bytes' });
    // Stopped within a chunk of the limit: the rest of the 8 MiB was never counted.
    expect(stopped.bytesRead).toBeLessThan(2 * 1024 * 1024);
    const plain = await extractText('a.zip', await zipOf({ 'a.txt': utf8('マイナンバー 1234') }), {}, { inflateRaw: inflater });
    expect(plain).toMatchObject({ status: 'ok', parts: [{ where: 'entry:a.txt', text: 'マイナンバー 1234' }] });
  });
});

/**
 * A stream paced as the Compression Streams spec builds DecompressionStream, and as Chromium runs it: a
 * TransformStream with the default strategies, which transforms a written chunk only when the reader asks.
 * It passes the bytes through unchanged and counts the writes; Node's own DecompressionStream buffers
 * ahead of the reader, so it cannot show the pacing.
 */
function pacedPassThrough(): { readonly Decompression: DecompressionStreamConstructor; readonly writes: number[] } {
  const writes: number[] = [];
  class PassThrough {
    private readonly inner = new TransformStream<Uint8Array, Uint8Array>();
    readonly readable = this.inner.readable;
    readonly writable = {
      getWriter: () => {
        const writer = this.inner.writable.getWriter();
        return {
          get ready() {
            return writer.ready;
          },
          write(chunk: Uint8Array) {
            writes.push(chunk.length);
            return writer.write(chunk.slice());
          },
          close: () => writer.close(),
        };
      },
    };
  }
  return { Decompression: PassThrough as unknown as DecompressionStreamConstructor, writes };
}

const total = (lengths: readonly number[]): number => lengths.reduce((sum, length) => sum + length, 0);

describe('the DecompressionStream inflater’s writes', () => {
  // Chromium inflates each written chunk whole before the first read resolves: one write of a member that
  // lies about its size inflated all of it, gigabytes for a small bomb, before the entry limit could stop it.
  it('writes the input a slice at a time as the reader takes the output, so a refusal leaves the rest unwritten', async () => {
    const input = randomBytes(32 * INFLATE_WRITE_BYTES);
    const refused = pacedPassThrough();
    expect(await decompressionStreamInflater(refused.Decompression)(input, () => false)).toBe('stopped');
    expect(Math.max(...refused.writes)).toBeLessThanOrEqual(INFLATE_WRITE_BYTES);
    expect(total(refused.writes)).toBeLessThanOrEqual(3 * INFLATE_WRITE_BYTES);

    const whole = pacedPassThrough();
    const result = await inflateAll(decompressionStreamInflater(whole.Decompression), input);
    expect(result.end).toBe('end');
    expect(Buffer.from(result.bytes).equals(input)).toBe(true);
    expect(total(whole.writes)).toBe(input.length);
  });
});

describe('extractText without an injected inflater', () => {
  it('reports deflated members as uninspectable when the runtime has no DecompressionStream', async () => {
    const archive = await zipOf({ 'a.txt': 'a'.repeat(1000) });
    const saved = globalThis.DecompressionStream;
    Reflect.deleteProperty(globalThis, 'DecompressionStream');
    try {
      expect(await extractText('a.zip', archive)).toMatchObject({ status: 'uninspectable', reason: 'inflater-unavailable' });
    } finally {
      globalThis.DecompressionStream = saved;
    }
  });
});
