import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import type { Compression } from './compression-choice.js';
import type { WrittenEntry } from './zip-source.js';

export interface ZipCryptoEntry {
  readonly name: string;
  readonly content: Uint8Array;
  readonly compression: Compression;
}

/**
 * Legacy ZipCrypto ("traditional PKWARE encryption"), for recipients who can only use Windows
 * Explorer or macOS Finder. It is broken: bkcrack recovers the keys from 12 known bytes, and every
 * docx/pdf/png starts with known bytes. Only reachable when the policy allows it and the user picks it.
 * In memory: the route's body limit already bounds the input.
 */
export async function writeZipCryptoZip(
  entries: readonly ZipCryptoEntry[],
  options: { readonly password: string; readonly modified: Date },
): Promise<{ readonly archive: Uint8Array; readonly entries: readonly WrittenEntry[] }> {
  const output = new Uint8ArrayWriter();
  const writer = new ZipWriter(output, {
    password: options.password,
    zipCrypto: true,
    // Zip64 records would raise the "version needed" to 4.5, which old extractors refuse.
    zip64: false,
    useWebWorkers: false,
    lastModDate: options.modified,
  });
  const written: WrittenEntry[] = [];
  for (const entry of entries) {
    // zip.js 2.24 marks an empty entry encrypted but writes no 12-byte ZipCrypto header, which 7-Zip
    // rejects ("Unspecified error"); an empty file has nothing to hide, so it goes in unencrypted.
    const password = entry.content.length === 0 ? { password: '' } : {};
    const metadata = await writer.add(entry.name, new Uint8ArrayReader(entry.content), {
      level: entry.compression === 'store' ? 0 : 1,
      ...password,
    });
    written.push({ name: entry.name, size: entry.content.length, compressedSize: metadata.compressedSize, compression: entry.compression });
  }
  await writer.close();
  return { archive: await output.getData(), entries: written };
}
