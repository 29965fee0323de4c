// One attachment's bytes to the AttachmentInspection the policy reads: the same path for the review pane
// and the CLI, so a replayed .eml finds exactly what Outlook's pane finds.
import type { AttachmentInspection } from '../policy/index.js';
import type { DetectOptions } from './detect-all.js';
import { extractText } from './extract/extract-text.js';
import type { ExtractionLimits, ExtractionReaders } from './extract/types.js';
import { inspectExtraction, summarizeInspection, type SummarizeOptions } from './summarize.js';

export interface InspectAttachmentOptions {
  readonly limits?: Partial<ExtractionLimits>;
  readonly readers?: ExtractionReaders;
  readonly detect?: DetectOptions;
  readonly summary?: SummarizeOptions;
}

/** Never rejects: an unreadable file comes back `uninspectable` with the reason, as extractText reports it. */
export async function inspectAttachment(
  attachment: { readonly name: string; readonly size: number },
  bytes: Uint8Array,
  options: InspectAttachmentOptions = {},
): Promise<AttachmentInspection> {
  const extraction = await extractText(attachment.name, bytes, options.limits, options.readers);
  const outcome = inspectExtraction(extraction, options.detect);
  const [inspection] = summarizeInspection(
    { attachments: [{ name: attachment.name, size: attachment.size, outcome }] },
    options.summary,
  ).attachments;
  if (inspection === undefined) throw new Error('summarizeInspection dropped the attachment it was given');
  return inspection;
}
