// Raw DEFLATE (RFC 1951, ZIP method 8) as a port: the core says what to inflate and when to stop, the
// shell brings a native inflater (node:zlib in Node, DecompressionStream in the browser), since a
// JavaScript inflater was most of a large workbook's extraction time (docs/benchmarks.md).

/** How an inflation ended: all output delivered, stopped because `accept` refused a chunk, or bad data. */
export type InflateEnd = 'end' | 'stopped' | 'corrupt';

/**
 * Inflates `compressed`, handing the output to `accept` chunk by chunk as it is produced; when `accept`
 * returns false, nothing more is inflated. A chunk is handed over: the inflater does not write to it
 * again, so the reader may scan it after the inflater has gone on (ooxml.ts). Never rejects.
 */
export type RawInflater = (compressed: Uint8Array, accept: (chunk: Uint8Array) => boolean) => Promise<InflateEnd>;

interface ReadResult {
  readonly done: boolean;
  readonly value?: Uint8Array;
}

interface StreamReader {
  read(): Promise<ReadResult>;
  cancel(): Promise<void>;
}

interface StreamWriter {
  readonly ready: Promise<void>;
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** The shape of the WHATWG `DecompressionStream` the inflater needs (https://compression.spec.whatwg.org/). */
export interface DecompressionStreamLike {
  readonly writable: { getWriter(): StreamWriter };
  readonly readable: { getReader(): StreamReader };
}

export type DecompressionStreamConstructor = new (format: 'deflate-raw') => DecompressionStreamLike;

/**
 * Compressed bytes written at a time. Chromium inflates each written chunk whole before the first read
 * resolves: one write of a member that lies about its size inflated all of it, and held all of it, before
 * a limit could stop it (docs/inspection.md, "Extraction").
 */
export const INFLATE_WRITE_BYTES = 64 * 1024;

async function writeInSlices(writer: StreamWriter, compressed: Uint8Array): Promise<void> {
  for (let at = 0; at < compressed.length; at += INFLATE_WRITE_BYTES) {
    // Backpressure: the stream asks for the next slice once the reader has taken what the last one gave.
    await writer.ready;
    writer.write(compressed.subarray(at, at + INFLATE_WRITE_BYTES)).catch(() => undefined);
  }
  await writer.close();
}

/** An inflater over the Compression Streams API: Chromium, Edge, Safari 16.4+ and Node 20.12+ have `deflate-raw`. */
export function decompressionStreamInflater(Decompression: DecompressionStreamConstructor): RawInflater {
  return async (compressed, accept) => {
    const stream = new Decompression('deflate-raw');
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    // Not awaited: the writer waits for the reader to drain, so awaiting it first would never return. Its
    // rejections repeat the reader's (bad data) or follow our own cancel, so they are dropped.
    writeInSlices(writer, compressed).catch(() => undefined);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'end';
        if (value !== undefined && value.length > 0 && !accept(value)) {
          await reader.cancel().catch(() => undefined);
          return 'stopped';
        }
      }
    } catch {
      return 'corrupt';
    }
  };
}

/** The runtime's own DecompressionStream, when it has one: the default when a shell injects no inflater. */
export function ambientInflater(): RawInflater | null {
  const Decompression = (globalThis as { DecompressionStream?: DecompressionStreamConstructor }).DecompressionStream;
  return Decompression === undefined ? null : decompressionStreamInflater(Decompression);
}
