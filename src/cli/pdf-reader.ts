// PDF text for `check` through pdfjs-dist's legacy build, which runs in Node 20 without a DOM. It is
// loaded on the first PDF only: most mail has none, and loading pdfjs costs about a third of a second.
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { createPdfReader, type PdfjsLike, type PdfReader } from '../inspect/index.js';

let loaded: Promise<PdfReader | undefined> | undefined;

async function load(): Promise<PdfReader | undefined> {
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // CMaps turn CID fonts without a ToUnicode table (common in Japanese PDFs) into text.
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return createPdfReader(pdfjs as unknown as PdfjsLike, {
      cMapUrl: join(root, 'cmaps') + sep,
      standardFontDataUrl: join(root, 'standard_fonts') + sep,
    });
  } catch {
    return undefined;
  }
}

/** Without pdfjs-dist installed, a PDF is `uninspectable` (`pdf-reader-unavailable`), never passed unread. */
export const nodePdfReader: PdfReader = async (bytes, budget) => {
  loaded ??= load();
  const reader = await loaded;
  if (reader !== undefined) return reader(bytes, budget);
  return { status: 'uninspectable', reason: 'pdf-reader-unavailable', parts: [], bytesRead: budget.bytesRead };
};
