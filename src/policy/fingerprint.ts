import type { ClassifiedRecipient } from './classify.js';
import { sha256Hex } from './sha256.js';
import type { AttachmentSnapshot, Finding, RecipientField } from './types.js';

// What JSON.stringify would escape in a string (quote, backslash, control characters, surrogates, the
// paired ones included to keep this simple); without any, `[field, key]` is written out directly.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A recipient's entry, `JSON.stringify([field, key])`. */
function recipientEntry(field: RecipientField, key: string): string {
  return NEEDS_ESCAPE.test(key) ? JSON.stringify([field, key]) : `["${field}","${key}"]`;
}

/**
 * The text a confirmation covers: recipients (field + normalised address), attachments (name, size,
 * inline) and finding ids, each sorted so that order in the compose window does not matter. It is
 * `JSON.stringify(['preflight-confirmation/1', recipients, attachments, findingIds])` with each recipient
 * and attachment itself a JSON array text, so the parts stay unambiguous whatever characters names hold.
 * Fingerprints already signed in approvals (docs/approval.md) must keep their value. `sort()` without a
 * comparator orders by UTF-16 code units, as `<` does, and spares a call per comparison.
 */
export function canonicalContent(
  recipients: readonly ClassifiedRecipient[],
  attachments: readonly AttachmentSnapshot[],
  findings: readonly Finding[],
): string {
  return JSON.stringify([
    'preflight-confirmation/1',
    recipients.map((entry) => recipientEntry(entry.field, entry.key)).sort(),
    attachments.map((attachment) => JSON.stringify([attachment.name, attachment.size, attachment.inline])).sort(),
    findings.map((finding) => finding.id).sort(),
  ]);
}

/** What a fingerprint was computed from, in the order given, to know the same content when it comes again. */
interface Seen {
  readonly fields: readonly RecipientField[];
  readonly keys: readonly string[];
  readonly attachments: readonly AttachmentSnapshot[];
  readonly findingIds: readonly string[];
  readonly fingerprint: string;
}

function sameContent(
  seen: Seen,
  recipients: readonly ClassifiedRecipient[],
  attachments: readonly AttachmentSnapshot[],
  findings: readonly Finding[],
): boolean {
  if (
    seen.keys.length !== recipients.length ||
    seen.attachments.length !== attachments.length ||
    seen.findingIds.length !== findings.length
  )
    return false;
  for (let index = 0; index < recipients.length; index += 1) {
    const entry = recipients[index] as ClassifiedRecipient;
    if (seen.keys[index] !== entry.key || seen.fields[index] !== entry.field) return false;
  }
  for (let index = 0; index < attachments.length; index += 1) {
    const before = seen.attachments[index] as AttachmentSnapshot;
    const now = attachments[index] as AttachmentSnapshot;
    if (before.name !== now.name || before.size !== now.size || before.inline !== now.inline) return false;
  }
  return findings.every((finding, index) => finding.id === seen.findingIds[index]);
}

/**
 * The last fingerprints and what they were computed from. The pane evaluates the same content again at
 * each change, and the check again after an approval; comparing the content in the order it came costs
 * a fraction of sorting a thousand recipients and hashing them again.
 */
const recent: Seen[] = [];
const RECENT_KEPT = 8;

/** SHA-256 hex of canonicalContent: equal exactly when the confirmed content is the same. */
export function fingerprintOf(
  recipients: readonly ClassifiedRecipient[],
  attachments: readonly AttachmentSnapshot[],
  findings: readonly Finding[],
): string {
  const known = recent.find((seen) => sameContent(seen, recipients, attachments, findings));
  if (known !== undefined) return known.fingerprint;
  const fingerprint = sha256Hex(canonicalContent(recipients, attachments, findings));
  if (recent.length >= RECENT_KEPT) recent.pop();
  recent.unshift({
    fields: recipients.map((entry) => entry.field),
    keys: recipients.map((entry) => entry.key),
    attachments: attachments.map(({ name, size, inline }) => ({ name, size, inline })),
    findingIds: findings.map((finding) => finding.id),
    fingerprint,
  });
  return fingerprint;
}
