// The one InspectionSummary builder for a message. The send handler, the review pane and the CLI all call
// it with the attachment outcomes they hold, so the verdict (and its fingerprint) the pane confirms is the
// one the handler computes at the next Send.
import {
  attachmentKey,
  type AttachmentInspection,
  type AttachmentSnapshot,
  type InspectionSummary,
  type MessageSnapshot,
} from '../policy/index.js';
import { detectAll, type DetectOptions } from './detect-all.js';
import { tallyMatches } from './summarize.js';

/**
 * Subject and body are inspected up to this many characters, everywhere alike: about 75 ms of detection
 * for dense personal data on a desktop, inside the send handler's budget. Bodies rarely come close.
 */
export const MAX_INSPECTED_TEXT_CHARS = 100_000;

export function pendingInspection(attachment: { readonly name: string; readonly size: number }, reason: string): AttachmentInspection {
  return { name: attachment.name, size: attachment.size, status: 'pending', reason, unread: [], personalData: [] };
}

export interface MessageSummaryOptions {
  readonly detect?: DetectOptions;
  readonly maxTextChars?: number;
}

/** An attachment of the snapshot without an outcome in `outcomes` is `pending` (reason `not-inspected`). */
export function summarizeMessage(
  snapshot: Pick<MessageSnapshot, 'subject' | 'body' | 'attachments'>,
  outcomes: readonly AttachmentInspection[],
  options: MessageSummaryOptions = {},
): InspectionSummary {
  const maxChars = options.maxTextChars ?? MAX_INSPECTED_TEXT_CHARS;
  const byKey = new Map<string, AttachmentInspection>();
  for (const outcome of outcomes) byKey.set(attachmentKey(outcome), outcome);
  const inspect = (where: 'subject' | 'body', text: string) => ({
    personalData: tallyMatches([{ where, matches: detectAll(text.slice(0, maxChars), options.detect) }]),
  });
  return {
    subject: inspect('subject', snapshot.subject),
    body: inspect('body', snapshot.body),
    attachments: snapshot.attachments.map(
      (attachment) => byKey.get(attachmentKey(attachment)) ?? pendingInspection(attachment, 'not-inspected'),
    ),
  };
}

/**
 * The cache after one run: entries only for attachments still on the item; a fresh entry replaces a stored
 * one unless the stored one is a real result that another run wrote meanwhile.
 */
export function mergeInspections(
  stored: readonly AttachmentInspection[],
  fresh: readonly AttachmentInspection[],
  present: readonly AttachmentSnapshot[],
): AttachmentInspection[] {
  const presentKeys = new Set(present.map((attachment) => attachmentKey(attachment)));
  const merged = new Map<string, AttachmentInspection>();
  for (const entry of stored) merged.set(attachmentKey(entry), entry);
  for (const entry of fresh) {
    const key = attachmentKey(entry);
    const existing = merged.get(key);
    if (existing === undefined || existing.status === 'pending' || entry.status !== 'pending') merged.set(key, entry);
  }
  return [...merged].filter(([key]) => presentKeys.has(key)).map(([, entry]) => entry);
}
