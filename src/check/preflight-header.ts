// The X-Preflight internet header: a backstop for mail that did not pass the check. An Exchange
// mail-flow rule can hold outside mail from inside senders that lacks it (docs/deploy.md). It carries
// no content: the format, what the check decided, which policy, and a short digest of the fingerprint.
import { sha256Hex } from '../policy/sha256.js';

export const PREFLIGHT_HEADER = 'X-Preflight';
/** The header's own format; a rule that parses the value can tell versions apart. */
export const PREFLIGHT_HEADER_FORMAT = '1';

/** How the send left: clean, confirmed in the pane, confirmed by Send Anyway, or let go by onError "allow". */
export type StampedDecision = 'allow' | 'confirmed' | 'dialog-confirm' | 'error-allow';

/** A short, stable name for a policy document: the same document gives the same name on every client. */
export function policyDigest(document: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(document) ?? 'null';
  } catch {
    text = 'unserialisable';
  }
  return sha256Hex(text).slice(0, 12);
}

/** `policyDocument` null: no policy is known (a failed check), so the header names none. */
export function preflightHeaderValue(decision: StampedDecision, policyDocument: unknown, fingerprint: string | null): string {
  const parts = [`v=${PREFLIGHT_HEADER_FORMAT}`, `decision=${decision}`];
  if (policyDocument !== null) parts.push(`policy=${policyDigest(policyDocument)}`);
  if (fingerprint !== null) parts.push(`fp=${fingerprint.slice(0, 16)}`);
  return parts.join('; ');
}
