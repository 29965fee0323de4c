import { attachmentKey } from '../attachment-key.js';
import type { ClassifiedRecipient } from '../classify.js';
import type { AttachmentInspection, AttachmentSnapshot, FindingTarget, InspectionSummary } from '../types.js';

export function attachmentTarget(attachment: { readonly name: string; readonly size: number }): FindingTarget {
  return { kind: 'attachment', name: attachment.name, size: attachment.size };
}

export function anyExternal(recipients: readonly ClassifiedRecipient[]): boolean {
  return recipients.some((entry) => entry.external);
}

export interface InspectedAttachment {
  readonly attachment: AttachmentSnapshot;
  /** What inspection says about it; `pending` when the summary does not list it. */
  readonly inspection: AttachmentInspection;
}

function pendingFor(attachment: AttachmentSnapshot): AttachmentInspection {
  return { name: attachment.name, size: attachment.size, status: 'pending', reason: '', unread: [], personalData: [] };
}

/**
 * Each distinct attachment of the snapshot (the truth: a summary entry for a removed file is stale and
 * ignored) with what inspection found. `files` leaves out inline images, which are part of the body.
 */
export function inspectedAttachments(
  attachments: readonly AttachmentSnapshot[],
  summary: InspectionSummary,
  files: boolean,
): InspectedAttachment[] {
  const byKey = new Map<string, AttachmentInspection>();
  for (const entry of summary.attachments) {
    if (!byKey.has(attachmentKey(entry))) byKey.set(attachmentKey(entry), entry);
  }
  const seen = new Set<string>();
  const result: InspectedAttachment[] = [];
  for (const attachment of attachments) {
    const key = attachmentKey(attachment);
    if ((files && attachment.inline) || seen.has(key)) continue;
    seen.add(key);
    result.push({ attachment, inspection: byKey.get(key) ?? pendingFor(attachment) });
  }
  return result;
}
