import type { Compression } from './compression-choice.js';

export interface ZipEntrySource {
  /** The name inside the archive, as the recipient will see it (checked by entry-names.ts first). */
  readonly name: string;
  /** The whole content, or its chunks in order (e.g. a file stream), so large files need not fit in memory. */
  readonly content: Uint8Array | AsyncIterable<Uint8Array>;
  /** `auto` (the default) stores known compressed formats and incompressible data and deflates the rest. */
  readonly compression?: Compression | 'auto';
  readonly modified?: Date;
}

/** What was written for one entry, for the caller to report; never holds content or keys. */
export interface WrittenEntry {
  readonly name: string;
  readonly size: number;
  readonly compressedSize: number;
  readonly compression: Compression;
}

export type ZipLimitCode = 'too-many-entries' | 'too-large';

/** The archive would need Zip64, which this writer does not write: more than 65,535 entries or 4 GiB. */
export class ZipLimitError extends Error {
  readonly code: ZipLimitCode;
  constructor(code: ZipLimitCode, message: string) {
    super(message);
    this.name = 'ZipLimitError';
    this.code = code;
  }
}

const SLICE = 1024 * 1024;

/** The content in slices of at most 1 MiB, so every later stage works on bounded buffers. */
export async function* contentChunks(content: Uint8Array | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (content instanceof Uint8Array) {
    for (let offset = 0; offset < content.length; offset += SLICE) yield content.subarray(offset, offset + SLICE);
    return;
  }
  for await (const chunk of content) {
    for (let offset = 0; offset < chunk.length; offset += SLICE) yield chunk.subarray(offset, offset + SLICE);
  }
}

/** Reads chunks until `bytes` are seen (or the end), and gives back those bytes plus the whole content again. */
export async function peek(
  chunks: AsyncIterator<Uint8Array>,
  bytes: number,
): Promise<{ readonly head: Uint8Array; readonly all: AsyncGenerator<Uint8Array> }> {
  const seen: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < bytes) {
    const next = await chunks.next();
    if (next.done === true) {
      done = true;
      break;
    }
    seen.push(next.value);
    length += next.value.length;
  }
  async function* all(): AsyncGenerator<Uint8Array> {
    yield* seen;
    if (done) return;
    for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) yield next.value;
  }
  return { head: seen.length === 1 ? (seen[0] as Uint8Array) : Buffer.concat(seen), all: all() };
}
