import { sha256Hex } from '../sha256.js';

/**
 * Digests that stand in for an outside address and its domain in the sender's history (docs/policy.md,
 * "First-time recipients"). Keyed by a random per-mailbox key so that two people's histories can't be
 * compared and a list of known addresses can't be checked against them without that key.
 */
export const ADDRESS_DIGEST_BYTES = 6;
export const DOMAIN_DIGEST_BYTES = 4;

function keyedDigest(key: string, purpose: string, text: string, bytes: number): string {
  return sha256Hex(`${key}\u0000${purpose}\u0000${text}`).slice(0, bytes * 2);
}

/** Hex digest of a normalised address (see normalizeAddress in src/policy/domain.ts). */
export function addressDigest(key: string, normalizedAddress: string): string {
  return keyedDigest(key, 'address', normalizedAddress, ADDRESS_DIGEST_BYTES);
}

/** Hex digest of an ASCII domain. */
export function domainDigest(key: string, asciiDomain: string): string {
  return keyedDigest(key, 'domain', asciiDomain, DOMAIN_DIGEST_BYTES);
}
