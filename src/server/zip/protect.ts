import type { ZipMethod } from '../../protocol/index.js';
import { writeAesZip } from './aes-zip-writer.js';
import { chooseCompression, SAMPLE_BYTES } from './compression-choice.js';
import { uniqueEntryNames } from './entry-names.js';
import { generateZipPassword } from './password.js';
import type { WrittenEntry } from './zip-source.js';
import { writeZipCryptoZip } from './zipcrypto-zip.js';

export interface PlainFile {
  readonly name: string;
  readonly content: Uint8Array;
}

export interface ProtectedZip {
  readonly archive: Buffer;
  /** Handed to the caller once; nothing keeps it. */
  readonly password: string;
  readonly method: ZipMethod;
  readonly entries: readonly WrittenEntry[];
}

/**
 * One password-protected ZIP of the files under a fresh random password. Names must already have
 * passed entryNameProblem; duplicates get " (2)" suffixes. Throws ZipLimitError past ZIP's limits.
 */
export async function protectFiles(files: readonly PlainFile[], method: ZipMethod, modified: Date): Promise<ProtectedZip> {
  const password = generateZipPassword();
  const names = uniqueEntryNames(files.map((file) => file.name));
  const entries = files.map((file, index) => {
    const name = names[index] as string;
    return { name, content: file.content, compression: chooseCompression(name, file.content.subarray(0, SAMPLE_BYTES)) };
  });
  if (method === 'zipcrypto') {
    const zipped = await writeZipCryptoZip(entries, { password, modified });
    return {
      archive: Buffer.from(zipped.archive.buffer, zipped.archive.byteOffset, zipped.archive.length),
      password,
      method,
      entries: zipped.entries,
    };
  }
  const written: WrittenEntry[] = [];
  const parts: Buffer[] = [];
  for await (const part of writeAesZip(entries, { password, modified, onEntry: (entry) => written.push(entry) })) parts.push(part);
  return { archive: Buffer.concat(parts), password, method, entries: written };
}
