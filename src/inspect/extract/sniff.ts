// What a file is, from its first bytes and then its name; the bytes win because names lie.
import { startsWithCfbSignature } from './cfb.js';
import { startsWithZipSignature } from './zip-directory.js';

export type FileKind = 'zip' | 'cfb' | 'pdf' | 'eml' | 'html' | 'text' | 'image' | 'other-archive' | 'unknown';

const BY_EXTENSION = new Map<string, FileKind>([
  ...['txt', 'text', 'csv', 'tsv', 'log', 'md', 'json', 'ini', 'cfg', 'conf', 'yaml', 'yml', 'vcf', 'ics', 'tab', 'prn'].map(
    (extension) => [extension, 'text'] as const,
  ),
  ...['html', 'htm', 'xhtml', 'xml', 'svg'].map((extension) => [extension, 'html'] as const),
  ...['eml', 'mht', 'mhtml'].map((extension) => [extension, 'eml'] as const),
  ...['7z', 'rar', 'gz', 'tgz', 'tar', 'lzh', 'lha', 'bz2', 'xz', 'cab', 'zipx'].map((extension) => [extension, 'other-archive'] as const),
  ...['png', 'jpg', 'jpeg', 'gif', 'bmp', 'tif', 'tiff', 'webp', 'heic', 'ico'].map((extension) => [extension, 'image'] as const),
  ['pdf', 'pdf'],
]);

const OFFICE_OPEN_XML = new Set(['docx', 'docm', 'dotx', 'dotm', 'xlsx', 'xlsm', 'xltx', 'xltm', 'pptx', 'pptm', 'potx', 'ppsx', 'ppsm']);

export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function isOfficeOpenXmlName(name: string): boolean {
  return OFFICE_OPEN_XML.has(extensionOf(name));
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  return prefix.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0));
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length - 5, 1024);
  for (let at = 0; at <= limit; at += 1) {
    if (startsWith(bytes, ascii('%PDF-'), at)) return true;
  }
  return false;
}

function sniffMagic(bytes: Uint8Array): FileKind | null {
  if (startsWithZipSignature(bytes)) return 'zip';
  if (startsWithCfbSignature(bytes)) return 'cfb';
  if (hasPdfHeader(bytes)) return 'pdf';
  if (
    startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) ||
    startsWith(bytes, ascii('Rar!\x1a\x07')) ||
    startsWith(bytes, [0x1f, 0x8b]) ||
    startsWith(bytes, ascii('BZh')) ||
    startsWith(bytes, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) ||
    startsWith(bytes, ascii('MSCF')) ||
    startsWith(bytes, ascii('-lh'), 2)
  ) {
    return 'other-archive';
  }
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, ascii('GIF8')) ||
    startsWith(bytes, ascii('II*\0')) ||
    startsWith(bytes, ascii('MM\0*')) ||
    (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8))
  ) {
    return 'image';
  }
  return null;
}

/** Text has no NUL bytes (unless it is UTF-16 with a BOM) and few control characters. */
function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control += 1;
  }
  return control * 20 <= sample.length;
}

function looksLikeMessage(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 512));
  return (
    /^(Return-Path|Received|From|Message-ID|MIME-Version|Date|Subject|To|Delivered-To|X-[A-Za-z-]+):/i.test(head) &&
    /\r?\n\r?\n/.test(String.fromCharCode(...bytes.subarray(0, 65536)))
  );
}

export function sniffKind(name: string, bytes: Uint8Array): FileKind {
  const magic = sniffMagic(bytes);
  if (magic !== null) return magic;
  const byName = BY_EXTENSION.get(extensionOf(name));
  if (byName === 'text' || byName === 'html' || byName === 'eml') return byName;
  if (byName !== undefined || isOfficeOpenXmlName(name)) return byName ?? 'unknown';
  if (!looksLikeText(bytes)) return 'unknown';
  return looksLikeMessage(bytes) ? 'eml' : 'text';
}
