// The ZIP records (APPNOTE.TXT 6.3.10, https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT) this
// writer emits, as pure functions over numbers and bytes. No Zip64: the writer refuses what needs it.

export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DATA_DESCRIPTOR = 0x0008;
/** General purpose bit 11: names are UTF-8, so 見積書.xlsx survives in 7-Zip and Windows Explorer. */
export const FLAG_UTF8 = 0x0800;
export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;
export const METHOD_AES = 99;
/** 5.1: the version APPNOTE assigns to AES encryption. */
export const VERSION_AES = 51;
export const MAX_32 = 0xffff_ffff;
export const MAX_ENTRIES = 0xffff;

export interface EntryRecord {
  readonly name: Buffer;
  readonly flags: number;
  readonly method: number;
  readonly version: number;
  readonly dosTime: number;
  readonly dosDate: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly extra: Buffer;
  readonly localHeaderOffset: number;
}

/** The AE-x extra field 0x9901: AE-2 (no CRC stored), vendor "AE", strength, and the real method. */
export function aesExtraField(actualMethod: number, strength: number): Buffer {
  const field = Buffer.alloc(11);
  field.writeUInt16LE(0x9901, 0);
  field.writeUInt16LE(7, 2);
  field.writeUInt16LE(2, 4);
  field.write('AE', 6, 'latin1');
  field.writeUInt8(strength, 8);
  field.writeUInt16LE(actualMethod, 9);
  return field;
}

/** MS-DOS date and time fields, in the local wall-clock time the extractor will show. */
export function dosDateTime(date: Date): { readonly dosTime: number; readonly dosDate: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    dosTime: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    dosDate: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

export function localFileHeader(entry: EntryRecord): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(entry.version, 4);
  header.writeUInt16LE(entry.flags, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(entry.dosTime, 10);
  header.writeUInt16LE(entry.dosDate, 12);
  const deferred = (entry.flags & FLAG_DATA_DESCRIPTOR) !== 0;
  header.writeUInt32LE(deferred ? 0 : entry.crc, 14);
  header.writeUInt32LE(deferred ? 0 : entry.compressedSize, 18);
  header.writeUInt32LE(deferred ? 0 : entry.size, 22);
  header.writeUInt16LE(entry.name.length, 26);
  header.writeUInt16LE(entry.extra.length, 28);
  return Buffer.concat([header, entry.name, entry.extra]);
}

export function dataDescriptor(entry: EntryRecord): Buffer {
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(entry.crc, 4);
  descriptor.writeUInt32LE(entry.compressedSize, 8);
  descriptor.writeUInt32LE(entry.size, 12);
  return descriptor;
}

export function centralDirectoryHeader(entry: EntryRecord): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(entry.version, 4);
  header.writeUInt16LE(entry.version, 6);
  header.writeUInt16LE(entry.flags, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(entry.dosTime, 12);
  header.writeUInt16LE(entry.dosDate, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.compressedSize, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt16LE(entry.extra.length, 30);
  header.writeUInt32LE(entry.localHeaderOffset, 42);
  return Buffer.concat([header, entry.name, entry.extra]);
}

export function endOfCentralDirectory(entries: number, directorySize: number, directoryOffset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(entries, 8);
  record.writeUInt16LE(entries, 10);
  record.writeUInt32LE(directorySize, 12);
  record.writeUInt32LE(directoryOffset, 16);
  return record;
}
