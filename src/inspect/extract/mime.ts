// A small, bounded MIME reader for attached .eml files: headers (RFC 2047 words), multipart trees,
// base64 / quoted-printable bodies, charsets, and attachment names (RFC 2231). It works on a Latin-1 view
// of the bytes so that 8-bit bodies keep their original bytes until their charset is known.
import { binaryString, bytesOfBinaryString, decodeWithCharset } from './decode-text.js';

export interface MimeHeader {
  readonly name: string;
  readonly value: string;
}

export interface MimeLeaf {
  readonly contentType: string;
  readonly charset: string | undefined;
  readonly filename: string | undefined;
  readonly isAttachment: boolean;
  readonly body: Uint8Array;
}

export interface MimeMessage {
  readonly headers: readonly MimeHeader[];
  readonly leaves: readonly MimeLeaf[];
  /** True when the multipart tree was deeper or wider than the reader follows. */
  readonly truncated: boolean;
}

const MAX_MULTIPART_DEPTH = 8;
const MAX_PARTS = 500;

function splitHead(raw: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  if (match === null) return { head: raw, body: '' };
  return { head: raw.slice(0, match.index), body: raw.slice(match.index + match[0].length) };
}

function parseHeaders(head: string): MimeHeader[] {
  const headers: MimeHeader[] = [];
  for (const line of head.split(/\r?\n/)) {
    const previous = headers[headers.length - 1];
    if ((line.startsWith(' ') || line.startsWith('\t')) && previous !== undefined) {
      headers[headers.length - 1] = { name: previous.name, value: `${previous.value} ${line.trim()}` };
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  return headers;
}

function headerValue(headers: readonly MimeHeader[], name: string): string | undefined {
  return headers.find((header) => header.name === name)?.value;
}

function percentDecode(text: string): Uint8Array {
  return bytesOfBinaryString(text.replace(/%([0-9A-Fa-f]{2})/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16))));
}

/** `type/subtype; key=value; key*=charset''percent; key*0*=…` → the type and the parameters. */
function parseStructuredHeader(value: string | undefined): { type: string; parameters: Map<string, string> } {
  const parameters = new Map<string, string>();
  if (value === undefined) return { type: '', parameters };
  const [type = '', ...rest] = value.split(';');
  const continued = new Map<string, { index: number; text: string; extended: boolean }[]>();
  for (const piece of rest) {
    const equals = piece.indexOf('=');
    if (equals < 0) continue;
    let key = piece.slice(0, equals).trim().toLowerCase();
    let text = piece.slice(equals + 1).trim();
    if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) text = text.slice(1, -1).replace(/\\(.)/g, '$1');
    const extended = key.endsWith('*');
    if (extended) key = key.slice(0, -1);
    const section = /^(.*)\*(\d{1,3})$/.exec(key);
    const base = section?.[1] ?? key;
    const list = continued.get(base) ?? [];
    list.push({ index: section === null ? 0 : Number(section[2]), text, extended });
    continued.set(base, list);
  }
  for (const [key, sections] of continued) {
    sections.sort((left, right) => left.index - right.index);
    const first = sections[0];
    if (first?.extended) {
      const quote = /^([^']*)'[^']*'/.exec(first.text);
      const charset = quote?.[1];
      const encoded = sections
        .map((section, index) => (index === 0 && quote !== null ? section.text.slice(quote[0].length) : section.text))
        .join('');
      parameters.set(key, decodeWithCharset(percentDecode(encoded), charset === '' ? undefined : charset));
    } else {
      parameters.set(key, decodeEncodedWords(sections.map((section) => section.text).join('')));
    }
  }
  return { type: type.trim().toLowerCase(), parameters };
}

function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let length = 0;
  let buffer = 0;
  let bits = 0;
  for (let index = 0; index < clean.length; index += 1) {
    const code = clean.charCodeAt(index);
    const value = code >= 97 ? code - 71 : code >= 65 ? code - 65 : code >= 48 ? code + 4 : code === 43 ? 62 : 63;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[length] = (buffer >> bits) & 0xff;
      length += 1;
    }
  }
  return bytes.subarray(0, length);
}

function decodeQuotedPrintable(text: string, underscoreIsSpace: boolean): Uint8Array {
  const softened = text.replace(/=\r?\n/g, '');
  const spaced = underscoreIsSpace ? softened.replace(/_/g, ' ') : softened;
  return bytesOfBinaryString(spaced.replace(/=([0-9A-Fa-f]{2})/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16))));
}

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

/** RFC 2047 words in a header (its raw bytes are Latin-1 here; 8-bit headers are decoded as a whole). */
export function decodeEncodedWords(value: string): string {
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  const decoded = joined.replace(ENCODED_WORD, (_whole, charset: string, encoding: string, text: string) => {
    const bytes = encoding.toUpperCase() === 'B' ? decodeBase64(text) : decodeQuotedPrintable(text, true);
    return decodeWithCharset(bytes, charset.split('*')[0]);
  });
  return /[\x80-\xff]/.test(decoded) && decoded === joined ? decodeWithCharset(bytesOfBinaryString(decoded), undefined) : decoded;
}

function transferDecode(body: string, encoding: string | undefined): Uint8Array {
  const name = (encoding ?? '').trim().toLowerCase();
  if (name === 'base64') return decodeBase64(body);
  if (name === 'quoted-printable') return decodeQuotedPrintable(body, false);
  return bytesOfBinaryString(body);
}

interface Walk {
  readonly leaves: MimeLeaf[];
  truncated: boolean;
}

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let start = -1;
  let position = 0;
  while (position <= body.length) {
    const at = body.indexOf(delimiter, position);
    if (at < 0) break;
    const atLineStart = at === 0 || body.charAt(at - 1) === '\n';
    if (!atLineStart) {
      position = at + delimiter.length;
      continue;
    }
    if (start >= 0) parts.push(body.slice(start, at).replace(/\r?\n$/, ''));
    if (body.startsWith('--', at + delimiter.length)) return parts;
    const lineEnd = body.indexOf('\n', at);
    start = lineEnd < 0 ? body.length : lineEnd + 1;
    position = start;
  }
  if (start >= 0) parts.push(body.slice(start));
  return parts;
}

function walk(raw: string, depth: number, state: Walk): void {
  if (state.leaves.length >= MAX_PARTS) {
    state.truncated = true;
    return;
  }
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const contentType = parseStructuredHeader(headerValue(headers, 'content-type') ?? 'text/plain');
  const boundary = contentType.parameters.get('boundary');
  if (contentType.type.startsWith('multipart/') && boundary !== undefined && boundary !== '') {
    if (depth >= MAX_MULTIPART_DEPTH) {
      state.truncated = true;
      return;
    }
    for (const part of splitMultipart(body, boundary)) walk(part, depth + 1, state);
    return;
  }
  const disposition = parseStructuredHeader(headerValue(headers, 'content-disposition'));
  const filename = disposition.parameters.get('filename') ?? contentType.parameters.get('name');
  const type = contentType.type === '' ? 'text/plain' : contentType.type;
  state.leaves.push({
    contentType: type,
    charset: contentType.parameters.get('charset'),
    filename,
    isAttachment: disposition.type === 'attachment' || filename !== undefined || !(type === 'text/plain' || type === 'text/html'),
    body: transferDecode(body, headerValue(headers, 'content-transfer-encoding')),
  });
}

export function parseMime(bytes: Uint8Array): MimeMessage {
  const raw = binaryString(bytes);
  const { head } = splitHead(raw);
  const state: Walk = { leaves: [], truncated: false };
  walk(raw, 0, state);
  return { headers: parseHeaders(head), leaves: state.leaves, truncated: state.truncated };
}

export function headerText(headers: readonly MimeHeader[], names: readonly string[]): string {
  return headers
    .filter((header) => names.includes(header.name))
    .map((header) => `${header.name}: ${decodeEncodedWords(header.value)}`)
    .join('\n');
}
