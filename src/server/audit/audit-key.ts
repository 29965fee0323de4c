import { newDataKey, unwrapKey, wrapKey, type Keyring } from '../crypto/keyring.js';
import { StartupError } from '../startup-error.js';
import { keepUnderActiveKek, type RewrapLog } from '../storage/active-kek.js';
import type { KeyStore } from '../storage/key-store.js';

interface StoredAuditKey {
  readonly version: 1;
  readonly kekId: string;
  readonly wrappedKey: string;
}

const FILE = 'audit-hmac.json';
const CONTEXT = 'audit-domain-hmac';

/**
 * The key outside domains are hashed under when the policy says `audit.domains: "hashed"`. A random key,
 * kept wrapped by the keyring, so hashes stay comparable across restarts and KEK rotations, while a copy
 * of the database alone cannot be turned back into domains by hashing a list of likely ones.
 */
export async function loadAuditKey(keys: KeyStore, keyring: Keyring, log: RewrapLog): Promise<Buffer> {
  const { where: path, text } = await keys.keyText(FILE, async () => {
    const wrapped = wrapKey(keyring, newDataKey(), CONTEXT);
    const stored: StoredAuditKey = { version: 1, kekId: wrapped.kekId, wrappedKey: wrapped.wrapped.toString('base64') };
    return `${JSON.stringify(stored, null, 2)}\n`;
  });
  const stored = JSON.parse(text) as StoredAuditKey;
  let key: Buffer;
  try {
    key = unwrapKey(keyring, { kekId: stored.kekId, wrapped: Buffer.from(stored.wrappedKey, 'base64') }, CONTEXT);
  } catch (error) {
    throw new StartupError('bad-environment', `The audit key ${path} cannot be opened with the configured key-encryption keys.`, [
      `It was wrapped with key id ${stored.kekId}; keep that key in PREFLIGHT_KEKS/PREFLIGHT_KEK_FILE, or remove the file (hashed domains already stored then no longer match new ones).`,
      (error as Error).message,
    ]);
  }
  await keepUnderActiveKek({ keys, name: FILE, text, stored, dataKey: key, context: CONTEXT }, keyring, log);
  return key;
}
