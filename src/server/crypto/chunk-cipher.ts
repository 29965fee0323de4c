import { createCipheriv, createDecipheriv } from 'node:crypto';

/**
 * AES-256-GCM over fixed-size chunks, the STREAM construction of age and Tink: each chunk's nonce is a
 * per-file random prefix, the chunk's index and a flag for the last chunk, so a reordered, dropped,
 * truncated or appended chunk fails authentication like a flipped bit does. Node's streaming Decipher
 * releases plaintext before it has checked the tag, hence one GCM message per chunk, opened whole.
 */
export const CHUNK_SIZE = 64 * 1024;
export const TAG_SIZE = 16;
export const SEALED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE;
export const NONCE_PREFIX_SIZE = 7;
export const KEY_SIZE = 32;

/** Every failed check (bad tag, wrong key, missing or extra chunk) looks the same from outside. */
export class IntegrityError extends Error {
  readonly code = 'ERR_INTEGRITY';
  constructor() {
    super('Stored data failed its integrity check');
    this.name = 'IntegrityError';
  }
}

export interface ChunkPosition {
  readonly index: number;
  readonly last: boolean;
}

function nonce(prefix: Uint8Array, position: ChunkPosition): Buffer {
  if (prefix.length !== NONCE_PREFIX_SIZE) throw new RangeError('nonce prefix must be 7 bytes');
  if (!Number.isInteger(position.index) || position.index < 0 || position.index > 0xffff_ffff)
    throw new RangeError('chunk index out of range');
  const bytes = Buffer.alloc(12);
  bytes.set(prefix, 0);
  bytes.writeUInt32BE(position.index, NONCE_PREFIX_SIZE);
  bytes[11] = position.last ? 1 : 0;
  return bytes;
}

/** The chunk's ciphertext followed by its 16-byte tag; `context` is authenticated, not stored. */
export function sealChunk(
  key: Uint8Array,
  prefix: Uint8Array,
  position: ChunkPosition,
  plaintext: Uint8Array,
  context: Uint8Array,
): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce(prefix, position));
  cipher.setAAD(context);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** The plaintext only when the whole chunk verifies; otherwise IntegrityError and no bytes. */
export function openChunk(key: Uint8Array, prefix: Uint8Array, position: ChunkPosition, sealed: Uint8Array, context: Uint8Array): Buffer {
  if (sealed.length < TAG_SIZE || sealed.length > SEALED_CHUNK_SIZE) throw new IntegrityError();
  const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, position));
  decipher.setAAD(context);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_SIZE));
  const body = decipher.update(sealed.subarray(0, sealed.length - TAG_SIZE));
  try {
    decipher.final();
  } catch {
    throw new IntegrityError();
  }
  return body;
}

/** How many chunks a file of `size` bytes takes; an empty file is one empty last chunk. */
export function chunkCount(size: number): number {
  return Math.max(1, Math.ceil(size / CHUNK_SIZE));
}

/** Bytes on disk for a file of `size` plaintext bytes. */
export function sealedSize(size: number): number {
  return size + chunkCount(size) * TAG_SIZE;
}
