// One attachment's bytes through the full extraction in a browser page: the review pane (bytes read
// through Office) and the admin console's dry-run (bytes from a dropped .eml) find the same things.
// Every attachment is inspected in a worker (inspect-worker.ts), so the page stays responsive. Only a
// PDF's text is read on the page, when the worker asks: pdfjs is loaded there, on the first PDF met, and
// parses in its own worker.
import { createPdfReader, extractText, type PdfjsLike, type PdfReader, type PdfTimer } from '../inspect/index.js';
import type { AttachmentInspection } from '../policy/index.js';
import { browserLimits, inspectHere } from './inspect-here.js';
import { workerInspector, type PagePdfReading, type WorkerInspector } from './worker-client.js';

let pdfReader: Promise<PdfReader> | null = null;
let inspector: WorkerInspector | null = null;

function loadPdfReader(): Promise<PdfReader> {
  pdfReader ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).toString();
    return createPdfReader(pdfjs as unknown as PdfjsLike, { timer: browserTimer });
  });
  return pdfReader;
}

function browserTimer(ms: number): PdfTimer {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const elapsed = new Promise<void>((resolve) => {
    handle = setTimeout(resolve, ms);
  });
  return { elapsed, cancel: () => clearTimeout(handle) };
}

function looksLikePdf(name: string, bytes: Uint8Array): boolean {
  return name.toLowerCase().endsWith('.pdf') || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46);
}

/** A PDF, or a ZIP that may hold one, gets pdfjs on the page; loading pdfjs for other files would only cost time. */
function needsPdf(name: string, bytes: Uint8Array): boolean {
  return looksLikePdf(name, bytes) || name.toLowerCase().endsWith('.zip');
}

/** The page's own thread, where there is no worker. Never rejects: a file pdfjs cannot load is inspected without it. */
export async function inspectInThread(
  attachment: { readonly name: string; readonly size: number },
  bytes: Uint8Array,
): Promise<AttachmentInspection> {
  const pdf = needsPdf(attachment.name, bytes) ? await loadPdfReader().catch(() => undefined) : undefined;
  return inspectHere(attachment, bytes, pdf === undefined ? {} : { pdf });
}

/** A PDF the worker met, read with what is left of its attachment's budget and this page's clock. */
const readPdfOnPage: PagePdfReading = async (bytes, limits) => {
  const pdf = await loadPdfReader().catch(() => undefined);
  return extractText('document.pdf', bytes, { ...limits, ...browserLimits() }, pdf === undefined ? {} : { pdf });
};

function workerInspection(): WorkerInspector {
  inspector ??= workerInspector(() => new Worker(new URL('./inspect-worker.js', import.meta.url)), undefined, readPdfOnPage);
  return inspector;
}

/** Never rejects, as inspectAttachment; a worker that fails or hangs gives an uninspectable attachment (worker-client.ts). */
export function inspectInBrowser(
  attachment: { readonly name: string; readonly size: number },
  bytes: Uint8Array,
): Promise<AttachmentInspection> {
  if (typeof Worker === 'undefined') return inspectInThread(attachment, bytes);
  return workerInspection().inspect(attachment, bytes);
}
