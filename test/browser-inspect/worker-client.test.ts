// The page's side of the inspection worker against a fake worker: answers are matched to their requests,
// and a worker that fails or never answers leaves the attachment uninspectable instead of pending forever.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workerInspector, type WorkerLike } from '../../src/browser-inspect/worker-client.js';
import type { InspectionRequest } from '../../src/browser-inspect/worker-protocol.js';
import type { AttachmentInspection } from '../../src/policy/index.js';

class FakeWorker implements WorkerLike {
  readonly requests: InspectionRequest[] = [];
  terminated = false;
  private readonly listeners = new Map<string, ((event: { readonly data: unknown }) => void)[]>();

  addEventListener(type: string, listener: (event: { readonly data: unknown }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  postMessage(message: InspectionRequest): void {
    this.requests.push(message);
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
});
