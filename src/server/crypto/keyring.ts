import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { IntegrityError, KEY_SIZE } from './chunk-cipher.js';

/** Key-encryption keys by id; new data keys are wrapped with the active one, old ids still unwrap. */
export interface Keyring {
  readonly activeId: string;
  readonly keys: ReadonlyMap<string, Uint8Array>;
}

export interface WrappedKey {
  readonly kekId: string;
  /** 12-byte nonce, the encrypted 32-byte key, the 16-byte GCM tag. */
  readonly wrapped: Buffer;
}

const KEK_ID = /^[A-Za-z0-9._-]{1,64}$/;

export type KeyringResult = { readonly ok: true; readonly keyring: Keyring } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * `entries` are `id:base64` (32 bytes each), e.g. from PREFLIGHT_KEKS="2026-11:…,2026-05:…"; the active id
 * defaults to the first entry.
 */
export function parseKeyring(entries: readonly string[], activeId?: string): KeyringResult {
  const problems: string[] = [];
  const keys = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const separator = entry.indexOf(':');
    const id = separator < 0 ? '' : entry.slice(0, separator);
    const encoded = separator < 0 ? '' : entry.slice(separator + 1);
    if (!KEK_ID.test(id)) {
      problems.push('each key must be written id:base64, the id made of letters, digits, ".", "_" or "-"');
      continue;
    }
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== KEY_SIZE || key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) {
      problems.push(`key ${id} must be 32 bytes in base64 (openssl rand -base64 32)`);
      continue;
    }
    if (keys.has(id)) problems.push(`key id ${id} appears twice`);
    keys.set(id, key);
  }
  const active = activeId ?? [...keys.keys()][0];
  if (keys.size === 0 && problems.length === 0) problems.push('no key given');
  if (active !== undefined && keys.size > 0 && !keys.has(active)) problems.push(`the active key id ${active} is not among the keys`);
  if (problems.length > 0 || active === undefined) return { ok: false, problems };
  return { ok: true, keyring: { activeId: active, keys } };
}

function aad(kekId: string, context: string): Buffer {
  return Buffer.from(`preflight-dek\u0000${kekId}\u0000${context}`, 'utf8');
}

/** Wraps a data key with the active KEK; `context` (the package id) must be given again to unwrap. */
export function wrapKey(keyring: Keyring, dataKey: Uint8Array, context: string): WrappedKey {
  const kek = keyring.keys.get(keyring.activeId);
  if (kek === undefined) throw new Error('the active key-encryption key is missing');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(keyring.activeId, context));
  return { kekId: keyring.activeId, wrapped: Buffer.concat([iv, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]) };
}

/** The data key, or IntegrityError for an unknown KEK id, a wrong context or a damaged record. */
export function unwrapKey(keyring: Keyring, wrapped: WrappedKey, context: string): Buffer {
  const kek = keyring.keys.get(wrapped.kekId);
  if (kek === undefined || wrapped.wrapped.length !== 12 + KEY_SIZE + 16) throw new IntegrityError();
  const decipher = createDecipheriv('aes-256-gcm', kek, wrapped.wrapped.subarray(0, 12));
  decipher.setAAD(aad(wrapped.kekId, context));
  decipher.setAuthTag(wrapped.wrapped.subarray(12 + KEY_SIZE));
  const key = decipher.update(wrapped.wrapped.subarray(12, 12 + KEY_SIZE));
  try {
    decipher.final();
  } catch {
    throw new IntegrityError();
  }
  return key;
}

export function newDataKey(): Buffer {
  return randomBytes(KEY_SIZE);
}
