import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { createPdfReader, extractText, type PdfjsLike } from '../../../src/inspect/index.js';
import { pdfWithPages, utf8 } from './fixtures.js';
import { expectOk, textAt } from './results.js';

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
    expect(await extractText('a.pdf', utf8('%PDF-1.4\ngarbage'), {}, { pdf: reader })).toMatchObject({
      status: 'uninspectable',
      reason: 'corrupt',
    });
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
