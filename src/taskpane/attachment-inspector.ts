// Reads one attachment through Office and runs the full extraction on it, in the pane (no time budget but
// the user's patience). PDF text comes from pdfjs, loaded only when a PDF is met.
import { inspectAttachment, createPdfReader, type PdfjsLike, type PdfReader } from '../inspect/index.js';
import { readAttachmentBase64 } from '../office/index.js';
import type { AttachmentInspection, AttachmentSnapshot } from '../policy/index.js';
import { bytesOfBase64 } from './base64.js';

/** Office hands a 25 MB attachment over in a few seconds; past this the read has failed. */
const READ_TIMEOUT_MS = 60_000;

function unread(attachment: AttachmentSnapshot, reason: string): AttachmentInspection {
  return { name: attachment.name, size: attachment.size, status: 'uninspectable', reason, unread: [], personalData: [] };
}

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

export async function inspectOfficeAttachment(attachment: AttachmentSnapshot): Promise<AttachmentInspection> {
  if (attachment.id === undefined) return unread(attachment, 'no-id');
  try {
    const read = await readAttachmentBase64(attachment.id, { timeoutMs: READ_TIMEOUT_MS });
    if (read.kind === 'unsupported') return unread(attachment, `format:${read.format}`);
    const bytes = read.kind === 'eml' ? new TextEncoder().encode(read.content) : bytesOfBase64(read.content);
    const name = read.kind === 'eml' && !attachment.name.toLowerCase().endsWith('.eml') ? `${attachment.name}.eml` : attachment.name;
    // A PDF (or a ZIP that may hold one) gets the reader; loading pdfjs for other files would only cost time.
    const needsPdf = looksLikePdf(name, bytes) || name.toLowerCase().endsWith('.zip');
    const pdf = needsPdf ? await loadPdfReader().catch(() => undefined) : undefined;
    // The clock makes extraction's time budget apply: a pathological file ends as uninspectable, not as a frozen pane.
    const limits = { now: () => performance.now() };
    const inspection = await inspectAttachment({ name, size: attachment.size }, bytes, pdf === undefined ? { limits } : { limits, readers: { pdf } });
    return { ...inspection, name: attachment.name };
  } catch {
    return unread(attachment, 'read-failed');
  }
}
