import { Readable, pipeline } from 'node:stream';
import { constants, createDeflateRaw } from 'node:zlib';
import { chooseCompression, SAMPLE_BYTES, type Compression } from './compression-choice.js';
import { oneAhead } from './one-ahead.js';
import { AES_256_STRENGTH, AES_OVERHEAD, WinZipAesEncryptor } from './winzip-aes.js';
import {
  aesExtraField,
  centralDirectoryHeader,
  dataDescriptor,
  dosDateTime,
  endOfCentralDirectory,
  FLAG_DATA_DESCRIPTOR,
  FLAG_ENCRYPTED,
  FLAG_UTF8,
  localFileHeader,
  MAX_32,
  MAX_ENTRIES,
  METHOD_AES,
  METHOD_DEFLATE,
  METHOD_STORE,
  VERSION_AES,
  type EntryRecord,
} from './zip-records.js';
import { contentChunks, peek, ZipLimitError, type WrittenEntry, type ZipEntrySource } from './zip-source.js';

export interface AesZipOptions {
  readonly password: string;
  /** The time stamp of entries that carry none. */
  readonly modified: Date;
  /** Told about each entry once it is written. */
  readonly onEntry?: (entry: WrittenEntry) => void;
}

const DEFLATE_CHUNK = 256 * 1024;
/**
 * Entries from this size on are authenticated on a worker thread (hmac-worker.ts); for smaller ones the
 * hand-over costs more than it saves.
 */
const OFF_THREAD_FROM = 1024 * 1024;

/**
 * A WinZip AE-2 AES-256 ZIP, yielded in pieces as it is written so memory stays bounded by a few
 * megabytes whatever the file sizes. Entries whose sizes are known up front (stored in-memory content)
 * carry them in the local header; the others get a data descriptor. Throws ZipLimitError where Zip64
 * would be needed. Each part is written while the consumer is still busy with the one before (one-ahead.ts).
 * Parts of entries from 1 MiB up are views of shared memory that the HMAC worker may still be reading, so
 * a consumer must not change them.
 */
export function writeAesZip(entries: Iterable<ZipEntrySource>, options: AesZipOptions): AsyncGenerator<Buffer> {
  return oneAhead(writeParts(entries, options));
}

async function* writeParts(entries: Iterable<ZipEntrySource>, options: AesZipOptions): AsyncGenerator<Buffer> {
  const written: EntryRecord[] = [];
  let offset = 0;
  for (const source of entries) {
    if (written.length === MAX_ENTRIES)
      throw new ZipLimitError('too-many-entries', `A ZIP without Zip64 holds at most ${MAX_ENTRIES} files`);
    const parts = writeEntry(source, options, offset, (record) => written.push(record));
    for await (const part of parts) {
      offset += part.length;
      yield part;
    }
    if (offset > MAX_32) throw tooLarge();
  }
  const directory = Buffer.concat(written.map(centralDirectoryHeader));
  if (offset + directory.length > MAX_32) throw tooLarge();
  yield Buffer.concat([directory, endOfCentralDirectory(written.length, directory.length, offset)]);
}

function tooLarge(): ZipLimitError {
  return new ZipLimitError('too-large', 'The ZIP would exceed 4 GiB, which needs Zip64; send files this large as a secure link');
}

async function* writeEntry(
  source: ZipEntrySource,
  options: AesZipOptions,
  localHeaderOffset: number,
  record: (entry: EntryRecord) => void,
): AsyncGenerator<Buffer> {
  const chunks = contentChunks(source.content);
  let compression: Compression;
  let plain: AsyncIterable<Uint8Array> = chunks;
  if (source.compression === undefined || source.compression === 'auto') {
    const peeked = await peek(chunks, SAMPLE_BYTES);
    compression = chooseCompression(source.name, peeked.head);
    plain = peeked.all;
  } else {
    compression = source.compression;
  }
  const knownSize = source.content instanceof Uint8Array && compression === 'store' ? source.content.length : undefined;
  const name = Buffer.from(source.name, 'utf8');
  const actualMethod = compression === 'store' ? METHOD_STORE : METHOD_DEFLATE;
  const header: EntryRecord = {
    name,
    flags: FLAG_ENCRYPTED | FLAG_UTF8 | (knownSize === undefined ? FLAG_DATA_DESCRIPTOR : 0),
    method: METHOD_AES,
    version: VERSION_AES,
    ...dosDateTime(source.modified ?? options.modified),
    // AE-2 stores no CRC: HMAC-SHA1 authenticates the data, and a CRC would leak facts about the plaintext.
    crc: 0,
    compressedSize: knownSize === undefined ? 0 : knownSize + AES_OVERHEAD,
    size: knownSize ?? 0,
    extra: aesExtraField(actualMethod, AES_256_STRENGTH),
    localHeaderOffset,
  };
  yield localFileHeader(header);

  const contentSize = source.content instanceof Uint8Array ? source.content.length : undefined;
  const encryptor = new WinZipAesEncryptor(options.password, { offThread: contentSize === undefined || contentSize >= OFF_THREAD_FROM });
  let size = 0;
  let compressedSize = encryptor.header.length;
  const counted = async function* (): AsyncGenerator<Uint8Array> {
    for await (const chunk of plain) {
      size += chunk.length;
      if (size > MAX_32) throw tooLarge();
      yield chunk;
    }
  };
  try {
    yield encryptor.header;
    for await (const chunk of compression === 'store' ? counted() : deflated(counted())) {
      await encryptor.caughtUp();
      const ciphertext = encryptor.update(chunk);
      compressedSize += ciphertext.length;
      if (compressedSize > MAX_32) throw tooLarge();
      if (ciphertext.length > 0) yield ciphertext;
    }
    const { tail, authenticationCode } = await encryptor.final();
    compressedSize += tail.length + authenticationCode.length;
    yield Buffer.concat([tail, authenticationCode]);
  } finally {
    encryptor.drop();
  }

  const entry: EntryRecord = { ...header, size, compressedSize };
  if (knownSize === undefined) yield dataDescriptor(entry);
  record(entry);
  options.onEntry?.({ name: source.name, size, compressedSize, compression });
}

function deflated(plain: AsyncIterable<Uint8Array>): AsyncIterable<Buffer> {
  // The callback is required by pipeline; an error in any stage destroys the deflate stream, so it
  // reaches the caller through the iteration instead.
  return pipeline(Readable.from(plain), createDeflateRaw({ level: constants.Z_BEST_SPEED, chunkSize: DEFLATE_CHUNK }), () => undefined);
}
