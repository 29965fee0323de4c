// The Node shell's inflater for ZIP members (src/inspect/extract/inflate.ts): zlib, streaming, so the
// core's budget can stop a zip bomb after the chunk that crossed a limit instead of after all of it.
import { createInflateRaw } from 'node:zlib';
import type { RawInflater } from '../inspect/index.js';

/** Large chunks: one call into the core per chunk, and a workbook's sheet inflates to tens of MB. */
const CHUNK_BYTES = 256 * 1024;

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
