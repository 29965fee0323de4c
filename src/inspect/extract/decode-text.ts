// Bytes to text for the encodings Japanese mail really uses (docs/inspection.md, "Extraction"): BOMs, then strict UTF-8,
// then ISO-2022-JP / Shift_JIS (CP932) / EUC-JP as detected by encoding-japanese. TextDecoder is used where
// the runtime has it (WHATWG shift_jis is CP932); encoding-japanese converts where it does not.
import Encoding from 'encoding-japanese';
import { ambientTextDecoder } from '../text-decoder.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'euc-jp' | 'iso-2022-jp' | 'other';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

const JAPANESE_BY_LABEL = new Map<string, 'SJIS' | 'EUCJP' | 'JIS' | 'UTF8'>([
  ['utf-8', 'UTF8'],
  ['utf8', 'UTF8'],
  ['shift_jis', 'SJIS'],
  ['shift-jis', 'SJIS'],
  ['sjis', 'SJIS'],
  ['x-sjis', 'SJIS'],
  ['windows-31j', 'SJIS'],
  ['cp932', 'SJIS'],
  ['ms932', 'SJIS'],
  ['ms_kanji', 'SJIS'],
  ['euc-jp', 'EUCJP'],
  ['eucjp', 'EUCJP'],
  ['x-euc-jp', 'EUCJP'],
  ['iso-2022-jp', 'JIS'],
  ['csiso2022jp', 'JIS'],
]);

const NAME_BY_ENCODING = new Map<string, TextEncodingName>([
  ['UTF8', 'utf-8'],
  ['SJIS', 'shift_jis'],
  ['EUCJP', 'euc-jp'],
  ['JIS', 'iso-2022-jp'],
]);

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  const decoder = ambientTextDecoder(label, { fatal });
  if (decoder === null) return null;
  try {
    return decoder.decode(bytes);
  } catch {
    // TypeError from a fatal decoder: the bytes are not in this encoding.
    return null;
  }
}

function convertJapanese(bytes: Uint8Array, from: 'SJIS' | 'EUCJP' | 'JIS' | 'UTF8'): string {
  return Encoding.convert(bytes, { to: 'UNICODE', from, type: 'string' });
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const viaDecoder = tryDecode(bytes, littleEndian ? 'utf-16le' : 'utf-16be', false);
  if (viaDecoder !== null) return viaDecoder;
  const units: string[] = [];
  for (let index = 0; index + 1 < bytes.length; index += 2) {
    const first = bytes[index] ?? 0;
    const second = bytes[index + 1] ?? 0;
    units.push(String.fromCharCode(littleEndian ? first | (second << 8) : (first << 8) | second));
  }
  return units.join('');
}

function isStrictUtf8(bytes: Uint8Array): boolean {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return false;
    for (let offset = 1; offset < length; offset += 1) {
      if (((bytes[index + offset] ?? 0) & 0xc0) !== 0x80) return false;
    }
    index += length;
  }
  return true;
}

function decodeUtf8(bytes: Uint8Array): string {
  return tryDecode(bytes, 'utf-8', false) ?? convertJapanese(bytes, 'UTF8');
}

/** ISO-2022-JP is 7-bit, so strict UTF-8 accepts it; its escape sequences give it away. */
function hasIso2022Escape(bytes: Uint8Array): boolean {
  for (let index = bytes.indexOf(0x1b); index >= 0 && index + 2 < bytes.length; index = bytes.indexOf(0x1b, index + 1)) {
    const first = bytes[index + 1];
    const second = bytes[index + 2];
    if (first === 0x24 && (second === 0x42 || second === 0x40 || second === 0x28)) return true;
    if (first === 0x28 && (second === 0x4a || second === 0x49)) return true;
  }
  return false;
}

function decodeJapanese(bytes: Uint8Array, encoding: 'SJIS' | 'EUCJP' | 'JIS' | 'UTF8'): string {
  if (encoding === 'UTF8') return decodeUtf8(bytes);
  const label = encoding === 'SJIS' ? 'shift_jis' : encoding === 'EUCJP' ? 'euc-jp' : 'iso-2022-jp';
  return tryDecode(bytes, label, false) ?? convertJapanese(bytes, encoding);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Decodes bytes whose encoding is unknown. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: stripBom(decodeUtf8(bytes.subarray(3))), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes.subarray(2), true), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes.subarray(2), false), encoding: 'utf-16be' };
  if (hasIso2022Escape(bytes)) return { text: decodeJapanese(bytes, 'JIS'), encoding: 'iso-2022-jp' };
  const strict = tryDecode(bytes, 'utf-8', true);
  if (strict !== null) return { text: strict, encoding: 'utf-8' };
  if (ambientTextDecoder('utf-8', { fatal: true }) === null && isStrictUtf8(bytes)) return { text: decodeUtf8(bytes), encoding: 'utf-8' };
  const detected = Encoding.detect(bytes);
  if (detected === 'SJIS' || detected === 'EUCJP' || detected === 'JIS') {
    return { text: decodeJapanese(bytes, detected), encoding: NAME_BY_ENCODING.get(detected) ?? 'other' };
  }
  return { text: decodeUtf8(bytes), encoding: 'other' };
}

/** Decodes bytes whose charset a header or meta tag declared; an unknown label falls back to detection. */
export function decodeWithCharset(bytes: Uint8Array, charset: string | undefined): string {
  if (charset === undefined || charset === '') return decodeText(bytes).text;
  const label = charset.trim().toLowerCase();
  const japanese = JAPANESE_BY_LABEL.get(label);
  if (japanese !== undefined) {
    if (japanese === 'UTF8' && !isStrictUtf8(bytes)) return decodeText(bytes).text;
    return decodeJapanese(bytes, japanese);
  }
  if (label === 'us-ascii' || label === 'ascii') return decodeText(bytes).text;
  return tryDecode(bytes, label, false) ?? decodeText(bytes).text;
}

/** Latin-1 view of bytes, for scanning ASCII structure (MIME, PDF trailers) without decoding. */
export function binaryString(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const size = 0x8000;
  for (let start = 0; start < bytes.length; start += size) {
    chunks.push(String.fromCharCode(...bytes.subarray(start, start + size)));
  }
  return chunks.join('');
}

export function bytesOfBinaryString(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index) & 0xff;
  return bytes;
}

export function utf8Text(bytes: Uint8Array): string {
  return stripBom(decodeUtf8(bytes));
}

/** UTF-8 decoded piece by piece (a character split between pieces is kept for the next), as utf8Text would; null without TextDecoder. */
export function utf8Pieces(): { decode(bytes: Uint8Array): string; end(): string } | null {
  const decoder = ambientTextDecoder('utf-8', { fatal: false });
  if (decoder === null) return null;
  return { decode: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
}
