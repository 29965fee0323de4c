// The CLI's content inspection: the same extraction and summary the review pane runs, on the attachment
// bytes a .eml (or a snapshot with contentBase64) carries. An attachment without bytes stays pending, as it
// would at Send before the pane has seen it.
import { createPdfReader, inspectAttachment, summarizeMessage, type PdfjsLike, type PdfReader } from '../inspect/index.js';
import type { AttachmentInspection, InspectionSummary, MessageSnapshot } from '../policy/index.js';

let pdfReader: Promise<PdfReader | undefined> | null = null;

/** pdf.js's Node build, loaded on the first PDF; without it PDFs are reported uninspectable, never clean. */
function loadPdfReader(): Promise<PdfReader | undefined> {
  pdfReader ??= import('pdfjs-dist/legacy/build/pdf.mjs').then(
    (pdfjs) => {
      const fonts = new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url).pathname;
      return createPdfReader(pdfjs as unknown as PdfjsLike, { standardFontDataUrl: fonts });
    },
    () => undefined,
  );
  return pdfReader;
}

function mayHoldPdf(name: string, bytes: Uint8Array): boolean {
  const lower = name.toLowerCase();
  const pdfMagic = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
  return pdfMagic || lower.endsWith('.pdf') || lower.endsWith('.zip') || lower.endsWith('.eml');
}

export async function inspectMessage(snapshot: MessageSnapshot): Promise<InspectionSummary> {
  const outcomes: AttachmentInspection[] = [];
  for (const attachment of snapshot.attachments) {
    if (attachment.inline || attachment.contentBase64 === undefined) continue;
    const bytes = new Uint8Array(Buffer.from(attachment.contentBase64, 'base64'));
    const pdf = mayHoldPdf(attachment.name, bytes) ? await loadPdfReader() : undefined;
    const limits = { now: () => performance.now() };
    outcomes.push(await inspectAttachment(attachment, bytes, pdf === undefined ? { limits } : { limits, readers: { pdf } }));
  }
  return summarizeMessage(snapshot, outcomes);
}
