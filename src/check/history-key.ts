import { historyKeyFrom } from '../policy/index.js';

const KEY_BYTES = 16;

/**
 * A new mailbox's key for its history digests (docs/policy.md "First-time recipients"). Web Crypto where the
 * runtime has it; otherwise Math.random, which only weakens what the key adds (that someone holding the
 * roaming settings cannot test addresses against them), never what the history answers.
 */
export function randomHistoryKey(): string {
  const bytes = new Uint8Array(KEY_BYTES);
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') crypto.getRandomValues(bytes);
  else for (let index = 0; index < KEY_BYTES; index += 1) bytes[index] = Math.floor(Math.random() * 256);
  return historyKeyFrom(bytes);
}
