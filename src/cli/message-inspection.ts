// Content inspection for `check`: each file attachment's bytes through the add-in's full extraction
// (inspectAttachment). The one check (src/check) adds subject and body and builds the summary as the send
// handler and the pane do; an attachment without content stays pending there, as at Send without a cache.
import { attachmentKey, inspectAttachment, type ExtractionLimits, type ExtractionReaders } from '../inspect/index.js';
import type { AttachmentOutcomes } from '../check/index.js';
import type { AttachmentInspection, MessageSnapshot } from '../policy/index.js';

export interface InspectionSettings {
  readonly limits: Partial<ExtractionLimits>;
  readonly readers: ExtractionReaders;
}

/** Inline images are part of the body for the policy, so only file attachments are read. */
export async function inspectAttachments(snapshot: MessageSnapshot, settings: InspectionSettings): Promise<AttachmentOutcomes> {
  const outcomes = new Map<string, AttachmentInspection>();
  for (const attachment of snapshot.attachments) {
    const key = attachmentKey(attachment.name, attachment.size);
    if (attachment.inline || attachment.contentBase64 === undefined || outcomes.has(key)) continue;
    const decoded = Buffer.from(attachment.contentBase64, 'base64');
    // A plain Uint8Array view: pdfjs refuses Node Buffers.
    const bytes = new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength);
    outcomes.set(key, await inspectAttachment(attachment, bytes, { limits: settings.limits, readers: settings.readers }));
  }
  return { outcomes: [...outcomes.values()], notSaved: false };
}
