import { fromBase64Url, toBase64Url } from './base64url.js';
import { ADDRESS_DIGEST_BYTES, DOMAIN_DIGEST_BYTES } from './history-digest.js';
import type { HistoryEntry, RecipientHistory } from './recipient-history.js';

/**
 * The history as one roaming-settings string: `h1.<key>.<entries>`, each entry 12 bytes (6 of address
 * digest, 4 of domain digest, 2 of day) in unpadded base64url, 16 characters. Office keeps 32 KB per add-in
 * (https://learn.microsoft.com/javascript/api/outlook/office.roamingsettings), so MAX_HISTORY_ENTRIES is
 * what fits in 30,000 characters with room left for the JSON around it.
 */
const VERSION = 'h1';
const ENTRY_BYTES = ADDRESS_DIGEST_BYTES + DOMAIN_DIGEST_BYTES + 2;
const ENTRY_CHARACTERS = (ENTRY_BYTES / 3) * 4;
const KEY_PATTERN = /^[A-Za-z0-9_-]{22}$/;
export const MAX_HISTORY_ENTRIES = 1_800;

function hexBytes(hex: string, into: Uint8Array, at: number): void {
  for (let index = 0; index < hex.length; index += 2) into[at + index / 2] = Number.parseInt(hex.slice(index, index + 2), 16);
}

function bytesHex(bytes: Uint8Array, from: number, count: number): string {
  let hex = '';
  for (let index = from; index < from + count; index += 1) {
    const byte = bytes[index] as number;
    // Not padStart: the handler's runtime is held to ES2016 (tsconfig.handler.json).
    hex += (byte < 16 ? '0' : '') + byte.toString(16);
  }
  return hex;
}

/** Bytes of a history key: 16, from a cryptographic source where the runtime has one (the host's concern). */
export const HISTORY_KEY_BYTES = 16;

/** A history key from HISTORY_KEY_BYTES random bytes: 22 base64url characters. */
export function historyKeyFrom(bytes: Uint8Array): string {
  if (bytes.length !== HISTORY_KEY_BYTES) throw new RangeError(`a history key takes ${HISTORY_KEY_BYTES} bytes, not ${bytes.length}`);
  return toBase64Url(bytes);
}

export function encodeHistory(history: RecipientHistory): string {
  const entries = history.entries.slice(0, MAX_HISTORY_ENTRIES);
  const bytes = new Uint8Array(entries.length * ENTRY_BYTES);
  entries.forEach((entry, index) => {
    const at = index * ENTRY_BYTES;
    hexBytes(entry.address, bytes, at);
    hexBytes(entry.domain, bytes, at + ADDRESS_DIGEST_BYTES);
    bytes[at + ENTRY_BYTES - 2] = (entry.day >>> 8) & 0xff;
    bytes[at + ENTRY_BYTES - 1] = entry.day & 0xff;
  });
  return `${VERSION}.${history.key}.${toBase64Url(bytes)}`;
}

/** Why a stored value is not a history: a stable code for the CLI's string tables, its English for logs. */
export type HistoryProblemCode = 'not-string' | 'not-h1' | 'bad-key' | 'bad-length' | 'not-base64url';

export type DecodedHistory =
  | { readonly ok: true; readonly history: RecipientHistory }
  | { readonly ok: false; readonly problem: string; readonly code: HistoryProblemCode; readonly params: Readonly<Record<string, string>> };

function refused(code: HistoryProblemCode, problem: string, params: Record<string, string> = {}): DecodedHistory {
  return { ok: false, problem, code, params };
}

/** The history in a roaming-settings value, or what is wrong with it (the caller starts a new one). */
export function decodeHistory(value: unknown): DecodedHistory {
  if (typeof value !== 'string') {
    const type = value === null ? 'null' : typeof value;
    return refused('not-string', `expected a string, got ${type}`, { type });
  }
  const [version, key, packed, ...rest] = value.split('.');
  if (version !== VERSION || rest.length > 0 || key === undefined || packed === undefined)
    return refused('not-h1', `not a ${VERSION} history`);
  if (!KEY_PATTERN.test(key)) return refused('bad-key', 'the key is not 22 base64url characters');
  if (packed.length % ENTRY_CHARACTERS !== 0) {
    const length = String(packed.length);
    return refused('bad-length', `the entries are ${length} characters, not a multiple of ${ENTRY_CHARACTERS}`, { length });
  }
  const bytes = fromBase64Url(packed);
  if (bytes === null) return refused('not-base64url', 'the entries are not base64url');
  const entries: HistoryEntry[] = [];
  for (let at = 0; at < bytes.length; at += ENTRY_BYTES) {
    entries.push({
      address: bytesHex(bytes, at, ADDRESS_DIGEST_BYTES),
      domain: bytesHex(bytes, at + ADDRESS_DIGEST_BYTES, DOMAIN_DIGEST_BYTES),
      day: ((bytes[at + ENTRY_BYTES - 2] as number) << 8) | (bytes[at + ENTRY_BYTES - 1] as number),
    });
  }
  return { ok: true, history: { key, entries } };
}
