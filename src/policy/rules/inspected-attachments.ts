import { attachmentKey } from '../attachment-key.js';
import type { ClassifiedRecipient } from '../classify.js';
import type { AttachmentInspection, AttachmentSnapshot, FindingTarget, InspectionSummary, ProtectionState } from '../types.js';

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
 * A ZIP the pane recorded with its members' inspection is what its members were, whatever the cache says
 * of it: read as a file, an AES ZIP is only `encrypted`, and a lost or overwritten cache entry would
 * otherwise drop what its members held (docs/protection.md, "Encrypted ZIP").
 */
export function inspectedAttachments(
  attachments: readonly AttachmentSnapshot[],
  summary: InspectionSummary,
  files: boolean,
  protection: ProtectionState | undefined,
): InspectedAttachment[] {
  const byKey = new Map<string, AttachmentInspection>();
  for (const zip of protection?.zips ?? []) {
    if (zip.inspection !== undefined && !byKey.has(attachmentKey(zip))) {
      byKey.set(attachmentKey(zip), { ...zip.inspection, name: zip.name, size: zip.size });
    }
  }
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
