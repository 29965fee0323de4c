/**
 * Encrypted file contents (sealed chunks, see crypto/chunk-cipher.ts), one blob per stored file, keyed
 * `<packageId>/<fileId>`. A blob appears whole or not at all.
 */
export interface BlobStore {
  /** Writes the blob durably, then makes it visible; returns the bytes written. */
  write(key: string, content: AsyncIterable<Uint8Array>): Promise<number>;
  read(key: string): AsyncIterable<Buffer>;
  /** Removes every blob of a package (no error when there is none). */
  deletePackage(packageId: string): Promise<void>;
  /** The package ids that have blobs. */
  packageIds(): Promise<readonly string[]>;
  /** Removes half-written temporary files left by a crash. */
  removeTemporary(): Promise<void>;
}

const PART = /^[A-Za-z0-9_-]{1,64}$/;

export function blobKey(packageId: string, fileId: string): string {
  if (!PART.test(packageId) || !PART.test(fileId)) throw new Error('invalid blob key');
  return `${packageId}/${fileId}`;
}

export function isBlobKeyPart(text: string): boolean {
  return PART.test(text);
}

/** Raised by every store's `read` when the blob is not there, as the file store's ENOENT is. */
export class BlobNotFoundError extends Error {
  readonly code = 'ENOENT';
  constructor(key: string) {
    super(`no blob ${key}`);
    this.name = 'BlobNotFoundError';
  }
}

export function isBlobNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

/** Splits a key into its package and file parts, refusing anything that is not a key blobKey makes. */
export function blobKeyParts(key: string): { readonly packageId: string; readonly fileId: string } {
  const [packageId, fileId, extra] = key.split('/');
  if (packageId === undefined || fileId === undefined || extra !== undefined || !PART.test(packageId) || !PART.test(fileId))
    throw new Error('invalid blob key');
  return { packageId, fileId };
}

/** The object name of a key in a bucket or container under `prefix` ('' or a folder ending in '/'). */
export function blobObjectName(prefix: string, key: string): string {
  const { packageId, fileId } = blobKeyParts(key);
  return `${prefix}${packageId}/${fileId}`;
}

/** Counts what passes through, for the byte count `write` returns, as Buffers (what Node streams carry). */
export async function* counted(content: AsyncIterable<Uint8Array>, counter: { bytes: number }): AsyncGenerator<Buffer> {
  for await (const piece of content) {
    counter.bytes += piece.length;
    yield Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
  }
}
