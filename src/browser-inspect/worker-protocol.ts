// The messages between the page and the inspection worker (inspect-worker.ts, worker-client.ts). A PDF
// the worker meets is read on the page, where pdf.js is loaded (page-pdf-reader.ts): the worker asks with
// a `call`, the page answers with that `call`.
import type { ExtractionLimits, ExtractionResult } from '../inspect/index.js';
import type { AttachmentInspection } from '../policy/index.js';

export interface InspectionRequest {
  readonly id: number;
  readonly attachment: { readonly name: string; readonly size: number };
  readonly bytes: Uint8Array;
}

/** `inspection: null`: the inspection threw, which inspectAttachment promises never to do. */
export interface InspectionAnswer {
  readonly id: number;
  readonly inspection: AttachmentInspection | null;
}

/** What is left of the attachment's budget: a clock does not cross threads, so the page brings its own. */
export type PdfLimits = Pick<ExtractionLimits, 'timeBudgetMs' | 'maxTotalBytes'>;

export interface PdfRequest {
  readonly call: number;
  readonly bytes: Uint8Array;
  readonly limits: PdfLimits;
}

export interface PdfAnswer {
  readonly call: number;
  readonly result: ExtractionResult;
}

export type PageMessage = InspectionRequest | PdfAnswer;
export type WorkerMessage = InspectionAnswer | PdfRequest;
