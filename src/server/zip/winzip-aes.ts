import { createCipheriv, pbkdf2Sync, randomBytes, type Cipher } from 'node:crypto';
import { localHmac, offThreadHmac, type Authenticator } from './hmac-worker.js';
import { writeXor } from './xor.js';

// WinZip AES (https://www.winzip.com/en/support/aes-encryption/): PBKDF2-HMAC-SHA1 with 1,000 rounds
// gives the AES key, the HMAC key and a 2-byte password verifier; the data is AES-CTR with a
// little-endian counter starting at 1, authenticated by HMAC-SHA1 over the ciphertext cut to 10 bytes.
export const AES_256_STRENGTH = 3;
export const SALT_LENGTH = 16;
export const VERIFIER_LENGTH = 2;
export const AUTHENTICATION_CODE_LENGTH = 10;
/** What encryption adds to an entry's data: salt, verifier and authentication code. */
export const AES_OVERHEAD = SALT_LENGTH + VERIFIER_LENGTH + AUTHENTICATION_CODE_LENGTH;

const KEY_LENGTH = 32;
const ROUNDS = 1000;
const BLOCK = 16;
/** Bytes encrypted per step (see WinZipAesEncryptor.encrypt). */
const WINDOW = 64 * 1024;
const EMPTY = Buffer.alloc(0);
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export interface WinZipAesKeys {
  readonly encryptionKey: Buffer;
  readonly authenticationKey: Buffer;
  readonly verifier: Buffer;
}

export function deriveKeys(password: string, salt: Uint8Array): WinZipAesKeys {
  const material = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, ROUNDS, 2 * KEY_LENGTH + VERIFIER_LENGTH, 'sha1');
  return {
    encryptionKey: material.subarray(0, KEY_LENGTH),
    authenticationKey: material.subarray(KEY_LENGTH, 2 * KEY_LENGTH),
    verifier: material.subarray(2 * KEY_LENGTH),
  };
}

/**
 * Encrypts one entry's data. node:crypto's aes-256-ctr counts big-endian, so the keystream is AES-256-ECB
 * over blocks holding the little-endian counter, XORed into the data by a SIMD loop (xor.ts); ECB and
 * HMAC-SHA1 run in OpenSSL with the CPU's AES and SHA instructions. With `offThread`, HMAC-SHA1 runs on a
 * worker thread (hmac-worker.ts) and the ciphertext is written to shared memory it reads without a copy.
 */
export class WinZipAesEncryptor {
  /** Salt and verifier: the first bytes of the entry's data. */
  readonly header: Buffer;
  private readonly cipher: Cipher;
  private readonly hmac: Authenticator;
  private readonly shared: boolean;
  private counter = 1;
  private carry: Buffer = EMPTY;
  private counters: Buffer = EMPTY;

  constructor(password: string, options: { readonly salt?: Uint8Array; readonly offThread?: boolean } = {}) {
    const salt = options.salt ?? randomBytes(SALT_LENGTH);
    if (salt.length !== SALT_LENGTH) throw new RangeError(`AES-256 needs a ${SALT_LENGTH}-byte salt`);
    const keys = deriveKeys(password, salt);
    this.cipher = createCipheriv('aes-256-ecb', keys.encryptionKey, null).setAutoPadding(false);
    this.shared = options.offThread === true;
    this.hmac = this.shared ? offThreadHmac(keys.authenticationKey) : localHmac(keys.authenticationKey);
    this.header = Buffer.concat([salt, keys.verifier]);
  }

  /** Ciphertext for whole blocks of what came so far; a partial block waits for more data or `final`. */
  update(plain: Uint8Array): Buffer {
    const input = this.carry.length === 0 ? plain : Buffer.concat([this.carry, plain]);
    const whole = input.length - (input.length % BLOCK);
    this.carry = Buffer.from(input.subarray(whole));
    return whole === 0 ? EMPTY : this.encrypt(input.subarray(0, whole));
  }

  /** Resolves when the next `update` may go ahead: at most a few megabytes wait to be authenticated. */
  caughtUp(): Promise<void> {
    return this.hmac.caughtUp();
  }

  /** The last partial block's ciphertext and the 10-byte authentication code. */
  async final(): Promise<{ readonly tail: Buffer; readonly authenticationCode: Buffer }> {
    const tail = this.carry.length === 0 ? EMPTY : this.encrypt(this.carry);
    this.carry = EMPTY;
    const digest = await this.hmac.digest();
    return { tail, authenticationCode: digest.subarray(0, AUTHENTICATION_CODE_LENGTH) };
  }

  /** Frees what an unfinished entry holds on the worker; harmless after `final`. */
  drop(): void {
    this.hmac.drop();
  }

  /**
   * In windows of 64 KiB: the counters, their keystream and the ciphertext stay in the CPU's cache between
   * ECB, XOR and HMAC. One pass over a whole 1 MiB read is about a quarter slower (measured on 25 MiB).
   */
  private encrypt(plain: Uint8Array): Buffer {
    const output = this.shared ? Buffer.from(new SharedArrayBuffer(plain.length)) : Buffer.allocUnsafe(plain.length);
    for (let offset = 0; offset < plain.length; offset += WINDOW) {
      const part = plain.subarray(offset, offset + WINDOW);
      const keystream = this.cipher.update(this.counterBlocks(Math.ceil(part.length / BLOCK)));
      const ciphertext = output.subarray(offset, offset + part.length);
      writeXor(ciphertext, keystream, part);
      if (!this.shared) this.hmac.update(ciphertext);
    }
    // One message per call: the worker hashes the whole output while the next one is encrypted.
    if (this.shared) this.hmac.update(output);
    return output;
  }

  private counterBlocks(blocks: number): Buffer {
    const bytes = blocks * BLOCK;
    if (this.counters.length < bytes) this.counters = Buffer.alloc(Math.max(bytes, 4096));
    fillCounterBlocks(this.counters, this.counter, blocks);
    this.counter += blocks;
    return this.counters.subarray(0, bytes);
  }
}

/**
 * Writes `blocks` 16-byte little-endian counters from `first` into a zero-filled, 4-byte aligned
 * buffer. Counters below 2^32 (entries under 64 GiB) change only the low word, so on little-endian
 * hosts one 32-bit store per block does it.
 */
export function fillCounterBlocks(target: Buffer, first: number, blocks: number, littleEndian: boolean = LITTLE_ENDIAN): void {
  if (littleEndian && first + blocks <= 0x1_0000_0000 && target.byteOffset % 4 === 0) {
    const words = new Uint32Array(target.buffer, target.byteOffset, blocks * 4);
    for (let block = 0, word = 0, value = first; block < blocks; block += 1, word += 4, value += 1) words[word] = value;
    return;
  }
  for (let block = 0; block < blocks; block += 1) target.writeBigUInt64LE(BigInt(first + block), block * BLOCK);
}
