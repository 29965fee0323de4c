import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { createPdfReader, extractText, type PdfjsLike, type PdfTimer } from '../../../src/inspect/index.js';
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

  describe('with a timer', () => {
    /** Timers the test fires by hand, and a clock that moves only when they fire. */
    function manualTime(): { timer(ms: number): PdfTimer; fire(): void; now(): number; readonly started: number[]; cancelled: number } {
      let clock = 0;
      const pending: { readonly ms: number; readonly resolve: () => void }[] = [];
      const time = {
        started: [] as number[],
        cancelled: 0,
        now: () => clock,
        timer(ms: number): PdfTimer {
          time.started.push(ms);
          let resolve = (): void => {};
          const elapsed = new Promise<void>((settle) => {
            resolve = settle;
          });
          pending.push({ ms, resolve });
          return { elapsed, cancel: () => (time.cancelled += 1) };
        },
        fire() {
          for (const { ms, resolve } of pending.splice(0)) {
            clock = Math.max(clock, ms);
            resolve();
          }
        },
      };
      return time;
    }

    const never = new Promise<never>(() => {});

    it('stops a page pdfjs is still reading when the time budget runs out, keeping the pages before it', async () => {
      const time = manualTime();
      let destroyed = 0;
      const slowSecondPage: PdfjsLike = {
        getDocument: () => ({
          promise: Promise.resolve({
            numPages: 3,
            getPage: async (pageNumber: number) => ({
              getTextContent: () => {
                if (pageNumber === 1) return Promise.resolve({ items: [{ str: 'one' }] });
                queueMicrotask(() => time.fire());
                return never;
              },
            }),
            destroy: async () => {
              destroyed += 1;
            },
          }),
          destroy: async () => undefined,
        }),
      };
      const reader = createPdfReader(slowSecondPage, { timer: (ms) => time.timer(ms) });
      const result = await extractText('a.pdf', utf8('%PDF-1.7\n'), { timeBudgetMs: 5000, now: time.now }, { pdf: reader });
      expect(result).toMatchObject({
        status: 'uninspectable',
        reason: 'limit:time',
        limit: 'time',
        parts: [{ where: 'page:1', text: 'one' }],
      });
      expect(destroyed).toBe(1);
      expect(time.started.every((ms) => ms === 5000)).toBe(true);
      expect(time.cancelled).toBe(time.started.length);
    });

    it('stops a document pdfjs is still loading when the time budget runs out', async () => {
      const time = manualTime();
      let destroyed = 0;
      const loadsForever: PdfjsLike = {
        getDocument: () => {
          queueMicrotask(() => time.fire());
          return {
            promise: never,
            destroy: async () => {
              destroyed += 1;
            },
          };
        },
      };
      const reader = createPdfReader(loadsForever, { timer: (ms) => time.timer(ms) });
      const result = await extractText('a.pdf', utf8('%PDF-1.7\n'), { timeBudgetMs: 5000, now: time.now }, { pdf: reader });
      expect(result).toMatchObject({ status: 'uninspectable', limit: 'time', parts: [] });
      expect(destroyed).toBe(1);
    });

    it('reads a document whole when pdfjs is done in time, and starts no timer without a clock', async () => {
      const time = manualTime();
      const timed = createPdfReader(pdfjs as unknown as PdfjsLike, { standardFontDataUrl, timer: (ms) => time.timer(ms) });
      const pages = pdfWithPages(['first', 'second']);
      const result = expectOk(await extractText('a.pdf', pages, { now: time.now }, { pdf: timed }));
      expect(textAt(result, 'page:2')).toBe('second');
      expect(time.started.length).toBe(5);
      expect(time.cancelled).toBe(5);
      const unclocked = manualTime();
      const withoutClock = createPdfReader(pdfjs as unknown as PdfjsLike, { standardFontDataUrl, timer: (ms) => unclocked.timer(ms) });
      expectOk(await extractText('a.pdf', pages, {}, { pdf: withoutClock }));
      expect(unclocked.started).toEqual([]);
    });
  });
});
