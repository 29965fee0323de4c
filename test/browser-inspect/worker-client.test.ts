// The page's side of the inspection worker against a fake worker: answers are matched to their requests,
// and a worker that fails or never answers leaves the attachment uninspectable instead of pending forever.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workerInspector, type PagePdfReading, type WorkerLike } from '../../src/browser-inspect/worker-client.js';
import type { InspectionRequest, PageMessage, PdfAnswer } from '../../src/browser-inspect/worker-protocol.js';
import type { ExtractionResult } from '../../src/inspect/index.js';
import type { AttachmentInspection } from '../../src/policy/index.js';

class FakeWorker implements WorkerLike {
  readonly requests: InspectionRequest[] = [];
  readonly pdfAnswers: PdfAnswer[] = [];
  terminated = false;
  private readonly listeners = new Map<string, ((event: { readonly data: unknown }) => void)[]>();

  addEventListener(type: string, listener: (event: { readonly data: unknown }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  postMessage(message: PageMessage): void {
    if ('call' in message) this.pdfAnswers.push(message);
    else this.requests.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  emit(type: string, data?: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
}

const A = { name: 'a.xlsx', size: 10 };
const B = { name: 'b.docx', size: 20 };

function inspected(name: string): AttachmentInspection {
  return { name, size: 1, status: 'inspected', reason: '', unread: [], personalData: [] };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('workerInspector', () => {
  it('starts one worker and answers each attachment with its own inspection', async () => {
    const workers: FakeWorker[] = [];
    const inspector = workerInspector(() => {
      workers.push(new FakeWorker());
      return workers.at(-1)!;
    });
    const first = inspector.inspect(A, new Uint8Array([1]));
    const second = inspector.inspect(B, new Uint8Array([2]));
    expect(workers).toHaveLength(1);
    const [requestA, requestB] = workers[0]!.requests;
    expect(requestA).toMatchObject({ attachment: A, bytes: new Uint8Array([1]) });
    workers[0]!.emit('message', { id: requestB!.id, inspection: inspected('b.docx') });
    workers[0]!.emit('message', { id: requestA!.id, inspection: inspected('a.xlsx') });
    expect(await first).toEqual(inspected('a.xlsx'));
    expect(await second).toEqual(inspected('b.docx'));
  });

  it('reports an inspection that threw in the worker as an internal error', async () => {
    const worker = new FakeWorker();
    const inspector = workerInspector(() => worker);
    const result = inspector.inspect(A, new Uint8Array());
    worker.emit('message', { id: worker.requests[0]!.id, inspection: null });
    expect(await result).toEqual({ ...A, status: 'uninspectable', reason: 'internal-error', unread: [], personalData: [] });
  });

  it('ends every pending attachment as uninspectable when the worker fails, and starts a new worker next time', async () => {
    const workers: FakeWorker[] = [];
    const inspector = workerInspector(() => {
      workers.push(new FakeWorker());
      return workers.at(-1)!;
    });
    const pending = [inspector.inspect(A, new Uint8Array()), inspector.inspect(B, new Uint8Array())];
    workers[0]!.emit('error');
    expect((await Promise.all(pending)).map((inspection) => [inspection.name, inspection.status, inspection.reason])).toEqual([
      ['a.xlsx', 'uninspectable', 'internal-error'],
      ['b.docx', 'uninspectable', 'internal-error'],
    ]);
    expect(workers[0]!.terminated).toBe(true);
    const next = inspector.inspect(A, new Uint8Array());
    expect(workers).toHaveLength(2);
    // The failed worker reporting again does not touch the new one's work.
    workers[0]!.emit('error');
    workers[1]!.emit('message', { id: workers[1]!.requests[0]!.id, inspection: inspected('a.xlsx') });
    expect(await next).toEqual(inspected('a.xlsx'));
  });

  it('gives up on a worker that does not answer in time', async () => {
    vi.useFakeTimers();
    const worker = new FakeWorker();
    const inspector = workerInspector(() => worker, 1_000);
    const result = inspector.inspect(A, new Uint8Array());
    vi.advanceTimersByTime(1_000);
    expect(await result).toMatchObject({ name: 'a.xlsx', status: 'uninspectable', reason: 'limit:time' });
    expect(worker.terminated).toBe(true);
  });

  it('reports a worker that cannot be started as an internal error', async () => {
    const inspector = workerInspector(() => {
      throw new Error('blocked by the content security policy');
    });
    expect(await inspector.inspect(A, new Uint8Array())).toMatchObject({ status: 'uninspectable', reason: 'internal-error' });
  });

  describe('a PDF the worker meets', () => {
    const LIMITS = { timeBudgetMs: 1_500, maxTotalBytes: 4_096 };
    const pageRead: ExtractionResult = { status: 'ok', parts: [{ where: 'page:1', text: 'on the page' }], unread: [], bytesRead: 22 };
    const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

    it('is read on the page with what is left of the budget, and answered to the worker with its call', async () => {
      const worker = new FakeWorker();
      const asked: [Uint8Array, unknown][] = [];
      const readPdf: PagePdfReading = async (bytes, limits) => {
        asked.push([bytes, limits]);
        return pageRead;
      };
      const inspector = workerInspector(() => worker, 60_000, readPdf);
      const pending = inspector.inspect(A, new Uint8Array([1]));
      worker.emit('message', { call: 7, bytes: new Uint8Array([0x25, 0x50]), limits: LIMITS });
      await settled();
      expect(asked).toEqual([[new Uint8Array([0x25, 0x50]), LIMITS]]);
      expect(worker.pdfAnswers).toEqual([{ call: 7, result: pageRead }]);
      worker.emit('message', { id: worker.requests[0]!.id, inspection: inspected('a.xlsx') });
      expect(await pending).toEqual(inspected('a.xlsx'));
    });

    it('is answered as an internal error when reading it fails, and as unreadable without a reader on the page', async () => {
      const failing = new FakeWorker();
      void workerInspector(
        () => failing,
        60_000,
        () => Promise.reject(new Error('pdfjs broke')),
      ).inspect(A, new Uint8Array());
      failing.emit('message', { call: 1, bytes: new Uint8Array(), limits: LIMITS });
      const without = new FakeWorker();
      void workerInspector(() => without).inspect(A, new Uint8Array());
      without.emit('message', { call: 2, bytes: new Uint8Array(), limits: LIMITS });
      await settled();
      expect(failing.pdfAnswers).toEqual([
        { call: 1, result: { status: 'uninspectable', reason: 'internal-error', parts: [], bytesRead: 0 } },
      ]);
      expect(without.pdfAnswers).toEqual([
        { call: 2, result: { status: 'uninspectable', reason: 'pdf-reader-unavailable', parts: [], bytesRead: 0 } },
      ]);
    });

    it('is not answered to a worker that was replaced while the page read it', async () => {
      const workers: FakeWorker[] = [];
      let finish: (result: ExtractionResult) => void = () => {};
      const inspector = workerInspector(
        () => {
          workers.push(new FakeWorker());
          return workers.at(-1)!;
        },
        60_000,
        () => new Promise((resolve) => (finish = resolve)),
      );
      void inspector.inspect(A, new Uint8Array());
      workers[0]!.emit('message', { call: 1, bytes: new Uint8Array(), limits: LIMITS });
      workers[0]!.emit('error');
      void inspector.inspect(B, new Uint8Array());
      finish(pageRead);
      await settled();
      expect(workers).toHaveLength(2);
      expect(workers[0]!.pdfAnswers).toEqual([]);
      expect(workers[1]!.pdfAnswers).toEqual([]);
    });
  });
});
