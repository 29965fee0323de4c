// Inspection on the thread that calls it, with the browser's native inflater and clock. The worker runs
// this; the page runs it too where it has no worker (inspect-in-browser.ts).
import {
  decompressionStreamInflater,
  inspectAttachment,
  type DecompressionStreamConstructor,
  type DetectionHelper,
  type ExtractionReaders,
  type PdfReader,
} from '../inspect/index.js';
import type { AttachmentInspection } from '../policy/index.js';

function browserReaders(extra: Omit<ExtractionReaders, 'inflateRaw'> = {}): ExtractionReaders {
  return { ...extra, inflateRaw: decompressionStreamInflater(DecompressionStream as DecompressionStreamConstructor) };
}

/** The clock makes extraction's time budget apply: a pathological file ends as uninspectable, not as a frozen page. */
export function browserLimits(): { readonly now: () => number } {
  return { now: () => performance.now() };
}

export interface HereOptions {
  /** A second worker that detects large texts beside this thread (inspect-worker.ts). */
  readonly helper?: DetectionHelper;
  /** PDFs: pdf.js on the page (inspect-in-browser.ts), or the page asked from the worker (page-pdf-reader.ts). */
  readonly pdf?: PdfReader;
}

export function inspectHere(
  attachment: { readonly name: string; readonly size: number },
  bytes: Uint8Array,
  { helper, pdf }: HereOptions = {},
): Promise<AttachmentInspection> {
  return inspectAttachment(attachment, bytes, {
    limits: browserLimits(),
    readers: browserReaders(pdf === undefined ? {} : { pdf }),
    ...(helper === undefined ? {} : { helper }),
  });
}
