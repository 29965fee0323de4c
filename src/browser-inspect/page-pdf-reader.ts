// The inspection worker's PDF reader: pdf.js is loaded on the page (it starts a worker of its own and
// needs the page's origin for it), so the worker sends the PDF's bytes there and takes back its text, and
// everything else of the attachment, a ZIP's other members and the detection, stays off the page.
import type { PdfReader } from '../inspect/index.js';
import type { PdfAnswer, PdfRequest } from './worker-protocol.js';

export interface PagePdfReader {
  readonly reader: PdfReader;
  /** An answer from the page; one for a call no longer waited for is dropped. */
  receive(answer: PdfAnswer): void;
}

export function pagePdfReader(post: (request: PdfRequest) => void): PagePdfReader {
  let nextCall = 1;
  const waiting = new Map<number, (answer: PdfAnswer) => void>();
  return {
    async reader(bytes, budget) {
      const call = nextCall++;
      const answer = new Promise<PdfAnswer>((resolve) => waiting.set(call, resolve));
      try {
        post({
          call,
          bytes,
          limits: { timeBudgetMs: budget.remainingMs(), maxTotalBytes: Math.max(0, budget.limits.maxTotalBytes - budget.bytesRead) },
        });
      } catch (error) {
        waiting.delete(call);
        throw error;
      }
      const { result } = await answer;
      budget.chargeBytes(result.bytesRead);
      return result;
    },
    receive(answer) {
      const resolve = waiting.get(answer.call);
      waiting.delete(answer.call);
      resolve?.(answer);
    },
  };
}
