// One attachment's bytes to the AttachmentInspection the policy reads: the same path for the review pane
// and the CLI, so a replayed .eml finds exactly what Outlook's pane finds.
import type { AttachmentInspection } from '../policy/index.js';
import type { DetectOptions } from './detect-all.js';
import type { DetectionHelper } from './detection-helper.js';
import { extractText } from './extract/extract-text.js';
import type { ExtractionLimits, ExtractionReaders } from './extract/types.js';
import { helperStreams } from './helper-streams.js';
import { inspectExtraction, sampleCap, summarizeInspection, type SummarizeOptions } from './summarize.js';

export interface InspectAttachmentOptions {
  readonly limits?: Partial<ExtractionLimits>;
  readonly readers?: ExtractionReaders;
  readonly detect?: DetectOptions;
  readonly summary?: SummarizeOptions;
  /** A second thread that detects a large sheet while the rest of the workbook is read, and half of any other large text. */
  readonly helper?: DetectionHelper;
}

/**
 * Sheets whose text is expected to be smaller, and whole texts of fewer units, are detected here: below
 * this, posting the text costs more than detecting it beside extraction saves (docs/benchmarks.md,
 * "Workbook inspection").
 */
export const STREAM_FROM_BYTES = 4 * 1024 * 1024;

/** Never rejects: an unreadable file comes back `uninspectable` with the reason, as extractText reports it. */
export async function inspectAttachment(
  attachment: { readonly name: string; readonly size: number },
  bytes: Uint8Array,
  options: InspectAttachmentOptions = {},
): Promise<AttachmentInspection> {
  // The organisation's terms and patterns are found in whole texts only (piece-detection.ts).
  const streams =
    options.helper === undefined || options.detect?.custom !== undefined
      ? null
      : helperStreams(options.helper, options.detect ?? {}, sampleCap(options.summary ?? {}), STREAM_FROM_BYTES);
  const readers = streams === null ? options.readers : { ...options.readers, textStream: streams.open };
  const extraction = await extractText(attachment.name, bytes, options.limits, readers);
  const outcome =
    streams === null
      ? inspectExtraction(extraction, options.detect)
      : inspectExtraction(streams.handOver(extraction), options.detect, await streams.findings());
  const [inspection] = summarizeInspection(
    { attachments: [{ name: attachment.name, size: attachment.size, outcome }] },
    options.summary,
  ).attachments;
  if (inspection === undefined) throw new Error('summarizeInspection dropped the attachment it was given');
  return inspection;
}
