// Content inspection for `check`: each file attachment's bytes through the add-in's full extraction
// (inspectAttachment), then the one summary builder the send handler and the pane use (summarizeMessage).
import {
  attachmentKey,
  inspectAttachment,
  summarizeMessage,
  type ExtractionLimits,
  type ExtractionReaders,
} from '../inspect/index.js';
import type { AttachmentInspection, InspectionSummary, MessageSnapshot } from '../policy/index.js';
import { isSnapshotFile } from './message-input.js';

export interface InspectionSettings {
  readonly limits: Partial<ExtractionLimits>;
  readonly readers: ExtractionReaders;
}

/**
 * Mail is always inspected. A snapshot without any attachment content (what src/office produces) is
 * checked as before, without inspection: every attachment would otherwise count as unread. With content,
 * its attachments that lack it stay `pending`, so the policy says they were not checked.
 */
export function shouldInspect(file: string, snapshot: MessageSnapshot): boolean {
  return !isSnapshotFile(file) || snapshot.attachments.some((attachment) => attachment.contentBase64 !== undefined);
}

/** Inline images are part of the body for the policy, so only file attachments are read. */
export async function inspectSnapshot(snapshot: MessageSnapshot, settings: InspectionSettings): Promise<InspectionSummary> {
  const outcomes = new Map<string, AttachmentInspection>();
  for (const attachment of snapshot.attachments) {
    const key = attachmentKey(attachment.name, attachment.size);
    if (attachment.inline || attachment.contentBase64 === undefined || outcomes.has(key)) continue;
    const decoded = Buffer.from(attachment.contentBase64, 'base64');
    // A plain Uint8Array view: pdfjs refuses Node Buffers.
    const bytes = new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength);
    outcomes.set(key, await inspectAttachment(attachment, bytes, { limits: settings.limits, readers: settings.readers }));
  }
  return summarizeMessage(snapshot, [...outcomes.values()]);
}
