// The inspection worker: extraction and detection off the page's thread, so the review pane keeps
// painting and answering clicks while a large workbook is read (docs/inspection.md, "Limits").
import { inspectWithoutPdf } from './inspect-here.js';
import type { InspectionAnswer, InspectionRequest } from './worker-protocol.js';

interface WorkerScope {
  onmessage: ((event: { readonly data: InspectionRequest }) => void) | null;
  postMessage(message: InspectionAnswer): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = ({ data }) => {
  inspectWithoutPdf(data.attachment, data.bytes).then(
    (inspection) => scope.postMessage({ id: data.id, inspection }),
    () => scope.postMessage({ id: data.id, inspection: null }),
  );
};
