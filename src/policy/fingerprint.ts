import type { ClassifiedRecipient } from './classify.js';
import { sha256Hex } from './sha256.js';
import type { AttachmentSnapshot, Finding } from './types.js';

function sorted(values: readonly string[]): string[] {
  return values.slice().sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
}

/**
 * The text a confirmation covers: recipients (field + normalised address), attachments (name, size,
 * inline) and finding ids, each sorted so that order in the compose window does not matter. JSON keeps
 * the parts unambiguous whatever characters names hold.
 */
export function canonicalContent(
  recipients: readonly ClassifiedRecipient[],
  attachments: readonly AttachmentSnapshot[],
  findings: readonly Finding[],
): string {
  return JSON.stringify([
    'preflight-confirmation/1',
    sorted(recipients.map((entry) => JSON.stringify([entry.field, entry.key]))),
    sorted(attachments.map((attachment) => JSON.stringify([attachment.name, attachment.size, attachment.inline]))),
    sorted(findings.map((finding) => finding.id)),
  ]);
}

/** SHA-256 hex of canonicalContent: equal exactly when the confirmed content is the same. */
export function fingerprintOf(
  recipients: readonly ClassifiedRecipient[],
  attachments: readonly AttachmentSnapshot[],
  findings: readonly Finding[],
): string {
  return sha256Hex(canonicalContent(recipients, attachments, findings));
}
