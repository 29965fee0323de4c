import type { ClassifiedRecipient } from './classify.js';
import { sha256Hex } from './sha256.js';
import type { AttachmentSnapshot, Finding, RecipientField } from './types.js';

/** One entry of a canonical list: `inner` is what the list is sorted by, `quoted` is it as a JSON string. */
interface Part {
  readonly inner: string;
  readonly quoted: string;
}

function partOf(inner: string): Part {
  return { inner, quoted: JSON.stringify(inner) };
}

function byInner(left: Part, right: Part): number {
  return left.inner < right.inner ? -1 : left.inner > right.inner ? 1 : 0;
}

// What JSON.stringify would escape in a string (quote, backslash, control characters, surrogates, the
// paired ones included to keep this simple); without any, quoting is just adding quotes.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A recipient's part, `JSON.stringify([field, key])`; written out for the usual plain address. */
function recipientPart(field: RecipientField, key: string): Part {
  if (NEEDS_ESCAPE.test(key)) return partOf(JSON.stringify([field, key]));
  return { inner: `["${field}","${key}"]`, quoted: `"[\\"${field}\\",\\"${key}\\"]"` };
}

function sortedList(parts: Part[]): string {
  parts.sort(byInner);
  let text = '';
  for (let index = 0; index < parts.length; index += 1)
    text += index === 0 ? (parts[index] as Part).quoted : `,${(parts[index] as Part).quoted}`;
  return text;
}

/**
 * The text a confirmation covers: recipients (field + normalised address), attachments (name, size,
 * inline) and finding ids, each sorted so that order in the compose window does not matter. It is
 * `JSON.stringify(['preflight-confirmation/1', recipients, attachments, findingIds])` with each recipient
 * and attachment itself a JSON array text, so the parts stay unambiguous whatever characters names hold;
 * written out piece by piece, since fingerprints already signed in approvals (docs/approval.md) must keep
 * their value.
 */
export function canonicalContent(
  recipients: readonly ClassifiedRecipient[],
  attachments: readonly AttachmentSnapshot[],
  findings: readonly Finding[],
): string {
  const recipientList = sortedList(recipients.map((entry) => recipientPart(entry.field, entry.key)));
  const attachmentList = sortedList(
    attachments.map((attachment) => partOf(JSON.stringify([attachment.name, attachment.size, attachment.inline]))),
  );
  const findingList = sortedList(findings.map((finding) => partOf(finding.id)));
  return `["preflight-confirmation/1",[${recipientList}],[${attachmentList}],[${findingList}]]`;
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
