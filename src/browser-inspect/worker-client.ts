// The page's side of the inspection worker (inspect-worker.ts). A worker that fails or does not answer in
// time never leaves the pane waiting: the attachment comes back uninspectable, as when extraction itself
// fails (`internal-error`) or runs out of time (`limit:time`), and the next attachment gets a new worker.
import { extractText, type ExtractionResult } from '../inspect/index.js';
import type { AttachmentInspection } from '../policy/index.js';
import type { PageMessage, PdfLimits, WorkerMessage } from './worker-protocol.js';

/** Extraction's own time budget is 20 s (DEFAULT_EXTRACTION_LIMITS); detection on its text comes after it. */
export const WORKER_TIMEOUT_MS = 60_000;

export interface WorkerLike {
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: () => void): void;
  postMessage(message: PageMessage): void;
  terminate(): void;
}

export type WorkerFactory = () => WorkerLike;

/** Reads a PDF the worker met, on the page (inspect-in-browser.ts); never rejects, as extractText. */
export type PagePdfReading = (bytes: Uint8Array, limits: PdfLimits) => Promise<ExtractionResult>;

/** Without pdf.js, what extraction says of a PDF it cannot read: password-protected, or not read. */
const WITHOUT_PDF_READER: PagePdfReading = (bytes, limits) => extractText('document.pdf', bytes, limits);

interface Pending {
  readonly attachment: { readonly name: string; readonly size: number };
  readonly resolve: (inspection: AttachmentInspection) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

function failed(attachment: { readonly name: string; readonly size: number }, reason: string): AttachmentInspection {
  return { name: attachment.name, size: attachment.size, status: 'uninspectable', reason, unread: [], personalData: [] };
}

export interface WorkerInspector {
  inspect(attachment: { readonly name: string; readonly size: number }, bytes: Uint8Array): Promise<AttachmentInspection>;
}

/**
 * One worker, started at the first attachment and replaced after a failure. Never rejects. The PDFs the
 * worker meets are read by `readPdf` on the page and answered to the worker that asked.
 */
export function workerInspector(
  createWorker: WorkerFactory,
  timeoutMs = WORKER_TIMEOUT_MS,
  readPdf: PagePdfReading = WITHOUT_PDF_READER,
): WorkerInspector {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const settle = (id: number, inspection: (attachment: Pending['attachment']) => AttachmentInspection): void => {
    const entry = pending.get(id);
    if (entry === undefined) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(inspection(entry.attachment));
  };

  const discard = (reason: string): void => {
    worker?.terminate();
    worker = null;
    for (const id of [...pending.keys()]) settle(id, (attachment) => failed(attachment, reason));
  };

  const started = (): WorkerLike => {
    if (worker !== null) return worker;
    const created = createWorker();
    created.addEventListener('message', (event) => {
      // Only our own worker script posts here (inspect-worker.ts).
      const message = event.data as WorkerMessage;
      if ('call' in message) {
        const { call } = message;
        const answer = (result: ExtractionResult): void => {
          // A worker replaced meanwhile is gone, and what it waited for with it.
          if (worker === created) created.postMessage({ call, result });
        };
        readPdf(message.bytes, message.limits).then(answer, () =>
          answer({ status: 'uninspectable', reason: 'internal-error', parts: [], bytesRead: 0 }),
        );
        return;
      }
      settle(message.id, (attachment) => message.inspection ?? failed(attachment, 'internal-error'));
    });
    // A worker already replaced may still report; only the current one's failure ends what is pending.
    created.addEventListener('error', () => worker === created && discard('internal-error'));
    created.addEventListener('messageerror', () => worker === created && discard('internal-error'));
    worker = created;
    return created;
  };

  return {
    inspect(attachment, bytes) {
      return new Promise((resolve) => {
        const id = nextId++;
        const timer = setTimeout(() => discard('limit:time'), timeoutMs);
        pending.set(id, { attachment: { name: attachment.name, size: attachment.size }, resolve, timer });
        try {
          started().postMessage({ id, attachment: { name: attachment.name, size: attachment.size }, bytes });
        } catch {
          // The worker script could not be started (blocked, or no Worker at all).
          discard('internal-error');
        }
      });
    },
  };
}
