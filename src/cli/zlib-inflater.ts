// The Node shell's inflater for ZIP members (src/inspect/extract/inflate.ts): zlib, streaming, so the
// core's budget can stop a zip bomb after the chunk that crossed a limit instead of after all of it.
import { createInflateRaw } from 'node:zlib';
import type { RawInflater } from '../inspect/index.js';

/**
 * The core decodes and scans each chunk as it comes; measured on the bench's 10 MB workbook, 64 KiB chunks
 * extracted it 3-4x faster than 256 KiB or 1 MiB ones, whose decoded strings are too large for V8's young
 * generation and cost full collections.
 */
const CHUNK_BYTES = 64 * 1024;

export function zlibInflater(chunkBytes = CHUNK_BYTES): RawInflater {
  return (compressed, accept) =>
    new Promise((resolve) => {
      const inflate = createInflateRaw({ chunkSize: chunkBytes });
      let settled = false;
      inflate.on('data', (chunk: Buffer) => {
        if (settled) return;
        if (!accept(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))) {
          settled = true;
          inflate.destroy();
          resolve('stopped');
        }
      });
      inflate.on('error', () => {
        if (settled) return;
        settled = true;
        resolve('corrupt');
      });
      inflate.on('end', () => {
        if (settled) return;
        settled = true;
        resolve('end');
      });
      inflate.end(compressed);
    });
}
