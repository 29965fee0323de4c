// The Node shell's inflater for ZIP members (src/inspect/extract/inflate.ts): zlib, streaming, so the
// core's budget can stop a zip bomb after the chunk that crossed a limit instead of after all of it.
import { createInflateRaw } from 'node:zlib';
import type { RawInflater } from '../inspect/index.js';

/**
 * Each chunk costs a callback and the scanner a carried tag, so larger chunks cost less: 512 KiB extracted
 * the bench's 10 MB workbook in 612 ms against 657 ms for 64 KiB, and a 31 MB Word document in 339 against
 * 351 ms (docs/benchmarks.md, "Workbook inspection"). 64 KiB was chosen when sheets were decoded into strings
 * chunk by chunk, and larger strings left V8's young generation.
 */
const CHUNK_BYTES = 512 * 1024;

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
