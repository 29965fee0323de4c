// PDF text for the review pane (docs/inspection.md, "Extraction"). pdfjs-dist needs a worker and ~0.5 MB gz, so the core does
// not import it: the pane loads it lazily and passes the module in. Only the calls used here are typed.
import type { ExtractionBudget, ExtractionResult, PdfReader, TextPart } from './types.js';

export interface PdfTextItemLike {
  readonly str?: unknown;
  readonly hasEOL?: unknown;
}

export interface PdfPageLike {
  getTextContent(): Promise<{ readonly items: readonly PdfTextItemLike[] }>;
  cleanup?(): unknown;
}

export interface PdfDocumentLike {
  readonly numPages: number;
  getPage(pageNumber: number): Promise<PdfPageLike>;
  destroy(): Promise<unknown>;
}

export interface PdfLoadingTaskLike {
  readonly promise: Promise<PdfDocumentLike>;
  destroy(): Promise<unknown>;
}

export interface PdfjsLike {
  getDocument(source: Record<string, unknown>): PdfLoadingTaskLike;
}

export interface PdfReaderOptions {
  /** Where pdfjs finds its CMaps (needed for CID fonts without ToUnicode), e.g. `/pdfjs/cmaps/`. */
  readonly cMapUrl?: string;
  readonly standardFontDataUrl?: string;
  /** Pages read at most; the rest make the result uninspectable (`limit:steps`). */
  readonly maxPages?: number;
  /**
   * Starts a timer, so that a document or page pdfjs is still reading when the time budget runs out stops
   * the reading (`limit:time`): the budget's clock is read between pages, and one page of a few hundred
   * kilobytes can hold content that takes pdfjs minutes.
   */
  readonly timer?: (ms: number) => PdfTimer;
}

export interface PdfTimer {
  readonly elapsed: Promise<void>;
  cancel(): void;
}

const OUT_OF_TIME: unique symbol = Symbol('out of time');

/** `work`, or OUT_OF_TIME once the budget's time has run out; what pdfjs still does is stopped by destroy. */
async function beforeDeadline<T>(
  work: Promise<T>,
  budget: ExtractionBudget,
  timer: PdfReaderOptions['timer'],
): Promise<T | typeof OUT_OF_TIME> {
  const remaining = budget.remainingMs();
  if (timer === undefined || remaining === Number.POSITIVE_INFINITY) return work;
  const started = timer(Math.max(0, remaining));
  try {
    return await Promise.race([work, started.elapsed.then((): typeof OUT_OF_TIME => OUT_OF_TIME)]);
  } finally {
    started.cancel();
  }
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
}

function pageText(items: readonly PdfTextItemLike[]): string {
  return items
    .map((item) => (typeof item.str === 'string' ? item.str : '') + (item.hasEOL === true ? '\n' : ''))
    .join('')
    .trim();
}

function stopped(
  limit: 'steps' | 'total-bytes' | 'time' | 'entry-bytes' | 'ratio' | 'entries' | 'depth',
  parts: readonly TextPart[],
  budget: ExtractionBudget,
): ExtractionResult {
  return { status: 'uninspectable', reason: `limit:${limit}`, limit, parts, bytesRead: budget.bytesRead };
}

async function readPages(document: PdfDocumentLike, budget: ExtractionBudget, options: PdfReaderOptions): Promise<ExtractionResult> {
  const parts: TextPart[] = [];
  const maxPages = options.maxPages ?? 2000;
  for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
    if (pageNumber > maxPages) return stopped('steps', parts, budget);
    const limit = budget.step();
    if (limit !== null) return stopped(limit, parts, budget);
    const page = await beforeDeadline(document.getPage(pageNumber), budget, options.timer);
    if (page === OUT_OF_TIME) return stopped('time', parts, budget);
    const content = await beforeDeadline(page.getTextContent(), budget, options.timer);
    if (content === OUT_OF_TIME) return stopped('time', parts, budget);
    const text = pageText(content.items);
    page.cleanup?.();
    const charged = budget.chargeBytes(text.length * 2);
    if (text !== '') parts.push({ where: `page:${pageNumber}`, text });
    if (charged !== null) return stopped(charged, parts, budget);
  }
  return { status: 'ok', parts, unread: [], bytesRead: budget.bytesRead };
}

/** A PDF reader for `extractText(…, readers)`, built on the pane's pdfjs module. */
export function createPdfReader(pdfjs: PdfjsLike, options: PdfReaderOptions = {}): PdfReader {
  return async (bytes, budget) => {
    // pdfjs transfers the buffer to its worker; a copy keeps the caller's bytes intact.
    const task = pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      // Errors only: warnings about fonts would go to the pane's console for every attachment.
      verbosity: 0,
      ...(options.cMapUrl === undefined ? {} : { cMapUrl: options.cMapUrl, cMapPacked: true }),
      ...(options.standardFontDataUrl === undefined ? {} : { standardFontDataUrl: options.standardFontDataUrl }),
    });
    let document: PdfDocumentLike | undefined;
    try {
      const loaded = await beforeDeadline(task.promise, budget, options.timer);
      if (loaded === OUT_OF_TIME) return stopped('time', [], budget);
      document = loaded;
      return await readPages(document, budget, options);
    } catch (error) {
      if (errorName(error) === 'PasswordException') return { status: 'encrypted', reason: 'pdf-encrypted', bytesRead: budget.bytesRead };
      return { status: 'uninspectable', reason: 'corrupt', parts: [], bytesRead: budget.bytesRead };
    } finally {
      await (document ?? task).destroy().catch(() => undefined);
    }
  };
}
