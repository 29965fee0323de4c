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
