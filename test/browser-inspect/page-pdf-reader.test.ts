// The inspection worker's PDF reader (src/browser-inspect/page-pdf-reader.ts), wired in one thread to a
// "page" that reads with pdfjs as the pane's page does: a ZIP's PDF found from the worker reads as on the
// page, within what is left of the attachment's budget.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { pagePdfReader } from '../../src/browser-inspect/page-pdf-reader.js';
import type { PdfRequest } from '../../src/browser-inspect/worker-protocol.js';
import { createPdfReader, extractText, type PdfjsLike } from '../../src/inspect/index.js';
import { pdfWithPages, utf8, zipOf } from '../inspect/extract/fixtures.js';

const standardFontDataUrl = new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url).pathname;
const onThePage = createPdfReader(pdfjs as unknown as PdfjsLike, { standardFontDataUrl });

/** The worker's reader, answered by extractText with pdfjs as the page answers it (inspect-in-browser.ts). */
function wired(): { readonly pdfs: ReturnType<typeof pagePdfReader>; readonly requests: PdfRequest[] } {
  const requests: PdfRequest[] = [];
  const pdfs = pagePdfReader((request) => {
    requests.push(request);
    void extractText('document.pdf', request.bytes, request.limits, { pdf: onThePage }).then((result) =>
      pdfs.receive({ call: request.call, result }),
    );
  });
  return { pdfs, requests };
}

describe("the worker's PDF reader, answered by the page", () => {
  it('reads a ZIP’s PDF as the page reads it, and counts its text in the attachment’s budget', async () => {
    const archive = await zipOf({ 'note.txt': utf8('連絡先 taro@example.co.jp'), 'scan.pdf': pdfWithPages(['My Number 1234 5678 9018']) });
    const { pdfs, requests } = wired();
    let clock = 1_000;
    const fromWorker = await extractText('a.zip', archive, { timeBudgetMs: 5_000, now: () => (clock += 10) }, { pdf: pdfs.reader });
    const onPage = await extractText('a.zip', archive, {}, { pdf: onThePage });
    expect(fromWorker).toEqual(onPage);
    expect(fromWorker).toMatchObject({
      status: 'ok',
      parts: expect.arrayContaining([{ where: 'entry:scan.pdf#page:1', text: 'My Number 1234 5678 9018' }]),
    });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    // The page gets what is left: some of the time went, and the text read before the PDF counts.
    expect(request!.limits.timeBudgetMs).toBeLessThan(5_000);
    expect(request!.limits.timeBudgetMs).toBeGreaterThan(4_000);
    expect(request!.limits.maxTotalBytes).toBeLessThan(256 * 1024 * 1024);
  });

  it('gives the page no more than the bytes left, so the attachment’s total limit holds across the threads', async () => {
    const { pdfs } = wired();
    const pdf = pdfWithPages(Array.from({ length: 30 }, (_, page) => `page ${page} ${'x'.repeat(60)}`));
    const stopped = await extractText('a.pdf', pdf, { maxTotalBytes: 1_000 }, { pdf: pdfs.reader });
    expect(stopped).toMatchObject({ status: 'uninspectable', limit: 'total-bytes' });
    expect(stopped.bytesRead).toBeGreaterThan(1_000);
  });

  it('reports the attachment uninspectable when the request cannot be posted, and drops answers nobody waits for', async () => {
    const pdfs = pagePdfReader(() => {
      throw new Error('could not be cloned');
    });
    expect(await extractText('a.pdf', pdfWithPages(['x']), {}, { pdf: pdfs.reader })).toMatchObject({
      status: 'uninspectable',
      reason: 'internal-error',
    });
    expect(() => pdfs.receive({ call: 99, result: { status: 'ok', parts: [], unread: [], bytesRead: 0 } })).not.toThrow();
  });
});
