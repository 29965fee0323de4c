import { CHUNK_SIZE, IntegrityError, SEALED_CHUNK_SIZE, openChunk, sealChunk } from './chunk-cipher.js';

export interface StreamKey {
  readonly key: Uint8Array;
  readonly noncePrefix: Uint8Array;
  /** Authenticated with every chunk: binds the chunks to one file of one package. */
  readonly context: Uint8Array;
}

/** Re-cuts arbitrary buffers into pieces of exactly `size` bytes (the last may be shorter). */
export async function* rechunk(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const piece of source) {
    let buffer = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    while (pendingBytes + buffer.length >= size) {
      const take = size - pendingBytes;
      pending.push(buffer.subarray(0, take));
      yield Buffer.concat(pending, size);
      buffer = buffer.subarray(take);
      pending = [];
      pendingBytes = 0;
    }
    if (buffer.length > 0) {
      // The source may reuse its buffer after we yield, so keep a copy.
      pending.push(Buffer.from(buffer));
      pendingBytes += buffer.length;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}

/**
 * Seals plaintext into chunks; a chunk is held back until the next one arrives so that the last one
 * can carry the last-chunk flag. An empty input gives one empty last chunk.
 */
export async function* sealStream(source: AsyncIterable<Uint8Array>, key: StreamKey): AsyncGenerator<Buffer> {
  let index = 0;
  let held: Buffer | null = null;
  for await (const chunk of rechunk(source, CHUNK_SIZE)) {
    if (held !== null) yield sealChunk(key.key, key.noncePrefix, { index: index++, last: false }, held, key.context);
    held = chunk;
  }
  yield sealChunk(key.key, key.noncePrefix, { index, last: true }, held ?? Buffer.alloc(0), key.context);
}

/**
 * Opens sealed chunks in order and yields each chunk's plaintext only after it verified. A stream that
 * ends before a chunk flagged last, or goes on after it, is an IntegrityError.
 */
export async function* openStream(sealed: AsyncIterable<Uint8Array>, key: StreamKey): AsyncGenerator<Buffer> {
  let index = 0;
  let held: Buffer | null = null;
  for await (const record of rechunk(sealed, SEALED_CHUNK_SIZE)) {
    if (held !== null) yield openChunk(key.key, key.noncePrefix, { index: index++, last: false }, held, key.context);
    held = record;
  }
  if (held === null) throw new IntegrityError();
  yield openChunk(key.key, key.noncePrefix, { index, last: true }, held, key.context);
}
