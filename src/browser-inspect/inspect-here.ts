// Inspection on the thread that calls it, with the browser's native inflater and clock. The worker runs
// this; the page runs it too where it has no worker, and for PDFs, which need pdfjs (inspect-in-browser.ts).
import {
  decompressionStreamInflater,
  inspectAttachment,
  type DecompressionStreamConstructor,
  type DetectionHelper,
  type ExtractionReaders,
} from '../inspect/index.js';
import type { AttachmentInspection } from '../policy/index.js';

export function browserReaders(extra: Omit<ExtractionReaders, 'inflateRaw'> = {}): ExtractionReaders {
  return { ...extra, inflateRaw: decompressionStreamInflater(DecompressionStream as DecompressionStreamConstructor) };
}

/** The clock makes extraction's time budget apply: a pathological file ends as uninspectable, not as a frozen page. */
export function browserLimits(): { readonly now: () => number } {
  return { now: () => performance.now() };
}

/** `helper`: a second worker that detects a large sheet while this thread extracts (inspect-worker.ts). */
export function inspectWithoutPdf(
  attachment: { readonly name: string; readonly size: number },
  bytes: Uint8Array,
  helper?: DetectionHelper,
): Promise<AttachmentInspection> {
  return inspectAttachment(attachment, bytes, {
    limits: browserLimits(),
    readers: browserReaders(),
    ...(helper === undefined ? {} : { helper }),
  });
}
