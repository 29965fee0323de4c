import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { createPdfReader, extractText, type PdfjsLike } from '../../../src/inspect/index.js';
import { utf8 } from './fixtures.js';
import { expectOk, textAt } from './results.js';

/** A one-page PDF per text, with a correct cross-reference table. */
function pdfWithPages(texts: readonly string[]): Uint8Array {
  const objects: string[] = [];
  const pageIds = texts.map((_, index) => 4 + index * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${texts.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  texts.forEach((text, index) => {
    const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
    objects[4 + index * 2] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + index * 2} 0 R >>`;
    objects[5 + index * 2] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = body.length;
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id += 1) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(body);
}

const standardFontDataUrl = new URL('../../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url).pathname;
const reader = createPdfReader(pdfjs as unknown as PdfjsLike, { standardFontDataUrl });

describe('the pane PDF reader', () => {
  it('reads the text of each page through pdfjs', async () => {
    const result = expectOk(await extractText('a.pdf', pdfWithPages(['My Number 1234 5678 9018', 'second page']), {}, { pdf: reader }));
    expect(textAt(result, 'page:1')).toBe('My Number 1234 5678 9018');
    expect(textAt(result, 'page:2')).toBe('second page');
  });

  it('reads PDFs inside a ZIP archive with the same reader', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip().file('scan.pdf', pdfWithPages(['inside']));
    const result = expectOk(await extractText('a.zip', await zip.generateAsync({ type: 'uint8array' }), {}, { pdf: reader }));
    expect(textAt(result, 'entry:scan.pdf#page:1')).toBe('inside');
  });

  it('stops at the page limit', async () => {
    const limited = createPdfReader(pdfjs as unknown as PdfjsLike, { maxPages: 1, standardFontDataUrl });
    const result = await extractText('a.pdf', pdfWithPages(['one', 'two']), {}, { pdf: limited });
    expect(result).toMatchObject({ status: 'uninspectable', limit: 'steps', parts: [{ where: 'page:1', text: 'one' }] });
  });

  it('reports a broken PDF as uninspectable', async () => {
    expect(await extractText('a.pdf', utf8('%PDF-1.4\ngarbage'), {}, { pdf: reader })).toMatchObject({ status: 'uninspectable', reason: 'corrupt' });
  });

  it('reports a password-protected PDF as encrypted', async () => {
    const passwordProtected: PdfjsLike = {
      getDocument: () => {
        const failure = Object.assign(new Error('No password given'), { name: 'PasswordException' });
        return { promise: Promise.reject(failure), destroy: async () => undefined };
      },
    };
    const result = await extractText('a.pdf', utf8('%PDF-1.7\n'), {}, { pdf: createPdfReader(passwordProtected) });
    expect(result).toMatchObject({ status: 'encrypted', reason: 'pdf-encrypted' });
  });
});
