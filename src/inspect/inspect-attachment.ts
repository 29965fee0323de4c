// One attachment's bytes to the AttachmentInspection the policy reads: the same path for the review pane
// and the CLI, so a replayed .eml finds exactly what Outlook's pane finds.
import type { AttachmentInspection } from '../policy/index.js';
import type { DetectOptions } from './detect-all.js';
import { detectAll } from './detect-all.js';
import type { DetectionHelper, HelperStream } from './detection-helper.js';
import { extractText } from './extract/extract-text.js';
import type { ExtractionLimits, ExtractionReaders, TextStream } from './extract/types.js';
import { inspectExtraction, sampleCap, summarizeInspection, type MatchedPart, type SummarizeOptions } from './summarize.js';

export interface InspectAttachmentOptions {
  readonly limits?: Partial<ExtractionLimits>;
  readonly readers?: ExtractionReaders;
  readonly detect?: DetectOptions;
  readonly summary?: SummarizeOptions;
  /** A second thread that detects a large sheet while the rest of the workbook is read. */
  readonly helper?: DetectionHelper;
}

/**
 * Sheets whose text is expected to be smaller are detected here: below this, posting the text costs more
 * than detecting it beside extraction saves (docs/benchmarks.md, "Workbook inspection").
 */
export const STREAM_FROM_BYTES = 4 * 1024 * 1024;

interface Streamed {
  readonly pieces: string[];
  readonly helper: HelperStream;
}

/**
 * Streams that hand each piece to the helper and keep it: if the helper fails, the text is detected here,
 * so a lost thread costs time, never a finding.
 */
function helperStreams(helper: DetectionHelper, options: InspectAttachmentOptions) {
  const streams = new Map<number, Streamed>();
  const maxSamples = sampleCap(options.summary ?? {});
  const kinds = options.detect?.kinds;
  const open = (expectedBytes: number): TextStream | null => {
    if (expectedBytes < STREAM_FROM_BYTES) return null;
    const id = streams.size + 1;
    const streamed: Streamed = { pieces: [], helper: helper.open(kinds === undefined ? { maxSamples } : { kinds, maxSamples }) };
    streams.set(id, streamed);
    return {
      id,
      write(piece) {
        streamed.pieces.push(piece);
        streamed.helper.write(piece);
      },
    };
  };
  /** Every stream's findings; a stream extraction gave up on (a limit mid-sheet) is ended all the same. */
  const findings = async (): Promise<Map<number, MatchedPart>> => {
    const found = new Map<number, MatchedPart>();
    for (const [id, streamed] of streams) {
      try {
        found.set(id, { where: '', tally: await streamed.helper.end() });
      } catch {
        found.set(id, { where: '', matches: detectAll(streamed.pieces.join(''), options.detect) });
      }
    }
    return found;
  };
  return { open, findings };
}

/** Never rejects: an unreadable file comes back `uninspectable` with the reason, as extractText reports it. */
export async function inspectAttachment(
  attachment: { readonly name: string; readonly size: number },
  bytes: Uint8Array,
  options: InspectAttachmentOptions = {},
): Promise<AttachmentInspection> {
  // The organisation's terms and patterns are found in whole texts only (piece-detection.ts).
  const streams = options.helper === undefined || options.detect?.custom !== undefined ? null : helperStreams(options.helper, options);
  const readers = streams === null ? options.readers : { ...options.readers, textStream: streams.open };
  const extraction = await extractText(attachment.name, bytes, options.limits, readers);
  const outcome = inspectExtraction(extraction, options.detect, streams === null ? undefined : await streams.findings());
  const [inspection] = summarizeInspection(
    { attachments: [{ name: attachment.name, size: attachment.size, outcome }] },
    options.summary,
  ).attachments;
  if (inspection === undefined) throw new Error('summarizeInspection dropped the attachment it was given');
  return inspection;
}
