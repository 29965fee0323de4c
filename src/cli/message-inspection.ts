// Content inspection for `check`: each file attachment's bytes through the add-in's full extraction
// (inspectAttachment). The one check (src/check) adds subject and body and builds the summary as the send
// handler and the pane do; an attachment without content stays pending there, as at Send without a cache.
import {
  inspectAttachment,
  inspectFileAttachments,
  type DetectionHelper,
  type ExtractionLimits,
  type ExtractionReaders,
} from '../inspect/index.js';
import type { AttachmentOutcomes } from '../check/index.js';
import type { MessageSnapshot } from '../policy/index.js';

export interface InspectionSettings {
  readonly limits: Partial<ExtractionLimits>;
  readonly readers: ExtractionReaders;
  /** Detects large texts on a second thread, a sheet's while extraction goes on (detection-thread.ts). */
  readonly helper?: DetectionHelper;
}

/** A plain Uint8Array view: pdfjs refuses Node Buffers. */
function bytesOf(base64: string): Uint8Array {
  const decoded = Buffer.from(base64, 'base64');
  return new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength);
}

export async function inspectAttachments(snapshot: MessageSnapshot, settings: InspectionSettings): Promise<AttachmentOutcomes> {
  const outcomes = await inspectFileAttachments(snapshot.attachments, bytesOf, (attachment, bytes) =>
    inspectAttachment(attachment, bytes, {
      limits: settings.limits,
      readers: settings.readers,
      ...(settings.helper === undefined ? {} : { helper: settings.helper }),
    }),
  );
  return { outcomes, notSaved: false };
}
