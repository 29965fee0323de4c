// Our own reading of a ZIP central directory (docs/inspection.md, "Extraction"): encryption, member count and
// declared sizes are checked here before any member is inflated, and each member's local header is found from it.
import Encoding from 'encoding-japanese';
import { utf8Text } from './decode-text.js';

export interface ZipMember {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Where the member's local header starts in the archive's bytes. */
  readonly localHeaderOffset: number;
  readonly isDirectory: boolean;
  readonly encryption: 'none' | 'zip-encrypted' | 'zip-aes';
}

export type ZipDirectory =
  | { readonly ok: true; readonly members: readonly ZipMember[] }
  | { readonly ok: false; readonly reason: 'corrupt' | 'truncated' | 'limit:entries' };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const MAX_COMMENT = 0xffff;

export function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

export function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) + u16(bytes, at + 2) * 0x10000) >>> 0;
}

/** A 64-bit little-endian size; anything beyond 2^53 cannot be a real size in memory. */
function u64(bytes: Uint8Array, at: number): number {
  const high = u32(bytes, at + 4);
  return high > 0x1fffff ? Number.MAX_SAFE_INTEGER : u32(bytes, at) + high * 0x100000000;
}

export function startsWithZipSignature(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7) &&
    (bytes[3] === 4 || bytes[3] === 6 || bytes[3] === 8)
  );
}

/** Names without the UTF-8 flag are CP932 in practice (Japanese Windows' Explorer and Lhaplus). */
export function decodeZipName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return utf8Text(bytes);
  if (bytes.every((byte) => byte < 0x80)) return String.fromCharCode(...bytes);
  return Encoding.convert(bytes, { to: 'UNICODE', from: 'SJIS', type: 'string' });
}

function findEndOfDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  for (let at = bytes.length - 22; at >= lowest; at -= 1) {
    if (u32(bytes, at) === EOCD) return at;
  }
  return -1;
}

interface DirectoryLocation {
  readonly count: number;
  readonly size: number;
  readonly offset: number;
  /** What prepended data adds to every offset the archive declares (a self-extracting archive's stub). */
  readonly shift: number;
}

function locateDirectory(bytes: Uint8Array, eocd: number): DirectoryLocation | null {
  let count = u16(bytes, eocd + 10);
  let size = u32(bytes, eocd + 12);
  let offset = u32(bytes, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(bytes, locator) !== ZIP64_LOCATOR) return null;
    const record = u64(bytes, locator + 8);
    if (record + 56 > bytes.length || u32(bytes, record) !== ZIP64_EOCD) return null;
    count = u64(bytes, record + 32);
    size = u64(bytes, record + 40);
    offset = u64(bytes, record + 48);
  }
  // Self-extracting archives and prepended data shift every offset; the directory still ends at the EOCD.
  const declared = offset;
  if (u32(bytes, offset) !== CENTRAL_HEADER && count > 0) {
    const shifted = eocd - size;
    if (shifted >= 0 && u32(bytes, shifted) === CENTRAL_HEADER) offset = shifted;
  }
  return { count, size, offset, shift: offset - declared };
}

interface MemberSizes {
  readonly uncompressed: number;
  readonly compressed: number;
  readonly offset: number;
}

/** The ZIP64 extra field holds, in this order, only the fields whose 32-bit value is 0xffffffff (APPNOTE 4.5.3). */
function zip64Sizes(extra: Uint8Array, declared: MemberSizes): MemberSizes {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = u16(extra, at);
    const length = u16(extra, at + 2);
    if (id === 0x0001) {
      let cursor = at + 4;
      const end = cursor + length;
      const next = (value: number): number => {
        if (value !== 0xffffffff || cursor + 8 > end) return value;
        cursor += 8;
        return u64(extra, cursor - 8);
      };
      const uncompressed = next(declared.uncompressed);
      const compressed = next(declared.compressed);
      return { uncompressed, compressed, offset: next(declared.offset) };
    }
    at += 4 + length;
  }
  return declared;
}

export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  const eocd = findEndOfDirectory(bytes);
  if (eocd < 0) return { ok: false, reason: startsWithZipSignature(bytes) ? 'truncated' : 'corrupt' };
  const location = locateDirectory(bytes, eocd);
  if (location === null) return { ok: false, reason: 'corrupt' };
  if (location.count > maxEntries) return { ok: false, reason: 'limit:entries' };
  const members: ZipMember[] = [];
  let at = location.offset;
  for (let index = 0; index < location.count; index += 1) {
    if (at + 46 > bytes.length) return { ok: false, reason: 'truncated' };
    if (u32(bytes, at) !== CENTRAL_HEADER) return { ok: false, reason: 'corrupt' };
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > bytes.length) return { ok: false, reason: 'truncated' };
    const declared = { uncompressed: u32(bytes, at + 24), compressed: u32(bytes, at + 20), offset: u32(bytes, at + 42) };
    const sizes = zip64Sizes(bytes.subarray(extraStart, extraStart + extraLength), declared);
    const name = decodeZipName(bytes.subarray(nameStart, extraStart), (flags & 0x0800) !== 0);
    // Bit 0: traditional or AES encryption; bit 6: PKWARE strong encryption; bit 13: encrypted directory.
    const encrypted = (flags & 0x0001) !== 0 || (flags & 0x0040) !== 0 || (flags & 0x2000) !== 0 || method === 99;
    members.push({
      name,
      flags,
      method,
      compressedSize: sizes.compressed,
      uncompressedSize: sizes.uncompressed,
      localHeaderOffset: sizes.offset + location.shift,
      isDirectory: name.endsWith('/') || name.endsWith('\\'),
      encryption: !encrypted ? 'none' : method === 99 ? 'zip-aes' : 'zip-encrypted',
    });
    at = next;
  }
  return { ok: true, members };
}
