// After a rotation, the server's own keys move to the active key-encryption key, so that the key they
// were wrapped with can be retired once the packages and approvals sealed with it have expired
// (docs/deploy.md "Retiring an old key").
import { describeError } from '../../policy/index.js';
import { wrapKey, type Keyring } from '../crypto/keyring.js';
import type { KeyStore } from './key-store.js';

/** What a stored server key records of how its data key is wrapped. */
export interface WrappedRecord {
  readonly kekId: string;
  readonly wrappedKey: string;
}

export interface RewrapLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface StoredServerKey<Stored extends WrappedRecord> {
  readonly keys: KeyStore;
  /** The key's name in the store, and the text it was read as. */
  readonly name: string;
  readonly text: string;
  readonly stored: Stored;
  /** The data key, already unwrapped from `stored`. */
  readonly dataKey: Uint8Array;
  /** What the wrapping is bound to (keyring.ts `wrapKey`). */
  readonly context: string;
}

/**
 * Stores the key again with its data key wrapped by the active KEK, unless it already is. Only the
 * wrapping changes: the key itself, and what was signed or hashed with it, stay as they were. Another
 * instance that did it first leaves nothing to do; a failure to store is logged and the start goes on,
 * since the key still opens with the KEK it has.
 */
export async function keepUnderActiveKek<Stored extends WrappedRecord>(
  key: StoredServerKey<Stored>,
  keyring: Keyring,
  log: RewrapLog,
): Promise<void> {
  const { stored, name } = key;
  if (stored.kekId === keyring.activeId) return;
  const wrapped = wrapKey(keyring, key.dataKey, key.context);
  const moved: Stored = { ...stored, kekId: wrapped.kekId, wrappedKey: wrapped.wrapped.toString('base64') };
  try {
    if (await key.keys.replaceKeyText(name, key.text, `${JSON.stringify(moved, null, 2)}\n`)) {
      log.info(`The server key ${name} is now wrapped with key-encryption key ${wrapped.kekId} instead of ${stored.kekId}.`);
    }
  } catch (error) {
    log.warn(
      `The server key ${name} stays wrapped with key-encryption key ${stored.kekId}: storing it wrapped with ${wrapped.kekId} failed (${describeError(error)}). Keep ${stored.kekId} configured; the next start tries again.`,
    );
  }
}
