// The send handler's part of content inspection: subject and body now, within a character cap, and the
// attachments from what the attachments handler cached. It never reads attachment content at send:
// getAttachmentContentAsync can take seconds there (research/competitors.md, M4 #4297), so an attachment
// without a cached outcome is reported as pending and the policy decides what that means.
import { detectAll } from '../inspect/detect-all.js';
import { tallyMatches } from '../inspect/summarize.js';
import type { AttachmentInspection, InspectionSummary, MessageSnapshot } from '../policy/index.js';
import { attachmentKey, pendingEntry } from '../office/index.js';

/** About 75 ms of detection for dense personal data on a desktop (measured with detectAll); bodies rarely come close. */
export const MAX_INSPECTED_BODY_CHARS = 100_000;

export function inspectMessage(
  snapshot: MessageSnapshot,
  cached: readonly AttachmentInspection[],
  maxBodyChars: number = MAX_INSPECTED_BODY_CHARS,
): InspectionSummary {
  const byKey = new Map<string, AttachmentInspection>();
  for (const entry of cached) byKey.set(attachmentKey(entry.name, entry.size), entry);
  return {
    subject: { personalData: tallyMatches([{ where: 'subject', matches: detectAll(snapshot.subject) }]) },
    // Beyond the cap only the beginning is inspected: the send deadline wins over a complete read.
    body: { personalData: tallyMatches([{ where: 'body', matches: detectAll(snapshot.body.slice(0, maxBodyChars)) }]) },
    attachments: snapshot.attachments.map(
      (attachment) => byKey.get(attachmentKey(attachment.name, attachment.size)) ?? pendingEntry(attachment, 'not-inspected'),
    ),
  };
}
