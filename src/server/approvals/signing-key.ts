import { randomBytes } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { ApprovalPublicJwk } from '../../protocol/index.js';
import { NONCE_PREFIX_SIZE, openChunk, sealChunk } from '../crypto/chunk-cipher.js';
import { keepUnderActiveKek, type RewrapLog } from '../storage/active-kek.js';
import type { KeyStore } from '../storage/key-store.js';
import { newDataKey, unwrapKey, wrapKey, type Keyring } from '../crypto/keyring.js';
import { StartupError } from '../startup-error.js';

export interface ApprovalSigningKey {
  readonly privateKey: CryptoKey;
  readonly publicJwk: ApprovalPublicJwk;
}

interface StoredKey {
  readonly version: 1;
  readonly publicJwk: ApprovalPublicJwk;
  readonly kekId: string;
  readonly wrappedKey: string;
  readonly noncePrefix: string;
  readonly sealed: string;
}

const FILE = 'approval-signing.json';
const CONTEXT = 'approval-signing-key';
const ONLY_CHUNK = { index: 0, last: true } as const;

function publicPart(jwk: JWK, kid: string): ApprovalPublicJwk {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || jwk.x === undefined || jwk.y === undefined) throw new Error('not a P-256 key');
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid };
}

/**
 * The private key is sealed like a stored file: a fresh data key wrapped by the keyring, the JWK sealed
 * as one chunk. A copy of the data directory without the key-encryption key cannot sign approvals.
 */
async function generate(keyring: Keyring): Promise<StoredKey> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  const privateJwk = await exportJWK(pair.privateKey);
  const kid = await calculateJwkThumbprint(privateJwk);
  const dataKey = newDataKey();
  const wrapped = wrapKey(keyring, dataKey, CONTEXT);
  const noncePrefix = randomBytes(NONCE_PREFIX_SIZE);
  const sealed = sealChunk(dataKey, noncePrefix, ONLY_CHUNK, Buffer.from(JSON.stringify(privateJwk), 'utf8'), Buffer.from(CONTEXT, 'utf8'));
  return {
    version: 1,
    publicJwk: publicPart(privateJwk, kid),
    kekId: wrapped.kekId,
    wrappedKey: wrapped.wrapped.toString('base64'),
    noncePrefix: noncePrefix.toString('base64'),
    sealed: sealed.toString('base64'),
  };
}

interface Unsealed extends ApprovalSigningKey {
  readonly dataKey: Buffer;
}

async function unseal(stored: StoredKey, keyring: Keyring, path: string): Promise<Unsealed> {
  try {
    const dataKey = unwrapKey(keyring, { kekId: stored.kekId, wrapped: Buffer.from(stored.wrappedKey, 'base64') }, CONTEXT);
    const plain = openChunk(
      dataKey,
      Buffer.from(stored.noncePrefix, 'base64'),
      ONLY_CHUNK,
      Buffer.from(stored.sealed, 'base64'),
      Buffer.from(CONTEXT, 'utf8'),
    );
    const privateJwk = JSON.parse(plain.toString('utf8')) as JWK;
    const privateKey = await importJWK(privateJwk, 'ES256');
    if (!('type' in privateKey)) throw new Error('not an asymmetric key');
    return { privateKey, publicJwk: stored.publicJwk, dataKey };
  } catch (error) {
    throw new StartupError(
      'bad-environment',
      `The approval signing key ${path} cannot be opened with the configured key-encryption keys.`,
      [
        `It was sealed with key id ${stored.kekId}; keep that key in PREFLIGHT_KEKS/PREFLIGHT_KEK_FILE, or remove the file to make a new signing key (approvals already signed then stop verifying).`,
        (error as Error).message,
      ],
    );
  }
}

/**
 * The approval signing key (in `<dataDirectory>/keys/` or the database), generated on first start and
 * wrapped again with the active KEK after a rotation (the sealed JWK itself does not change).
 */
export async function loadApprovalSigningKey(keys: KeyStore, keyring: Keyring, log: RewrapLog): Promise<ApprovalSigningKey> {
  const { where: path, text } = await keys.keyText(FILE, async () => `${JSON.stringify(await generate(keyring), null, 2)}\n`);
  const stored = JSON.parse(text) as StoredKey;
  const { privateKey, publicJwk, dataKey } = await unseal(stored, keyring, path);
  await keepUnderActiveKek({ keys, name: FILE, text, stored, dataKey, context: CONTEXT }, keyring, log);
  return { privateKey, publicJwk };
}
