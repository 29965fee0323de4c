// One attachment's bytes through the full extraction in a browser page: the review pane (bytes read
// through Office) and the admin console's dry-run (bytes from a dropped .eml) find the same things.
// PDF text comes from pdfjs, loaded only when a PDF is met.
import { createPdfReader, inspectAttachment, type PdfjsLike, type PdfReader } from '../inspect/index.js';
import type { AttachmentInspection } from '../policy/index.js';

let pdfReader: Promise<PdfReader> | null = null;

function loadPdfReader(): Promise<PdfReader> {
  pdfReader ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).toString();
    return createPdfReader(pdfjs as unknown as PdfjsLike);
  });
  return pdfReader;
}

function looksLikePdf(name: string, bytes: Uint8Array): boolean {
  return name.toLowerCase().endsWith('.pdf') || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46);
}

/** Never rejects, as inspectAttachment: a file pdfjs cannot load is inspected without a PDF reader. */
export async function inspectInBrowser(attachment: { readonly name: string; readonly size: number }, bytes: Uint8Array): Promise<AttachmentInspection> {
  // A PDF (or a ZIP that may hold one) gets the reader; loading pdfjs for other files would only cost time.
  const needsPdf = looksLikePdf(attachment.name, bytes) || attachment.name.toLowerCase().endsWith('.zip');
  const pdf = needsPdf ? await loadPdfReader().catch(() => undefined) : undefined;
  // The clock makes extraction's time budget apply: a pathological file ends as uninspectable, not as a frozen page.
  const limits = { now: () => performance.now() };
  return inspectAttachment(attachment, bytes, pdf === undefined ? { limits } : { limits, readers: { pdf } });
}
