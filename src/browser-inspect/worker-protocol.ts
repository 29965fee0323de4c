// The messages between the page and the inspection worker (inspect-worker.ts, worker-client.ts).
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
