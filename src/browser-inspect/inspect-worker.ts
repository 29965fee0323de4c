// The inspection worker: extraction and detection off the page's thread, so the review pane keeps
// painting and answering clicks while a large workbook is read (docs/inspection.md, "Limits").
import { workerDetectionHelper, type DetectionWorkerLike } from './detection-helper.js';
import { inspectWithoutPdf } from './inspect-here.js';
import type { InspectionAnswer, InspectionRequest } from './worker-protocol.js';

interface WorkerScope {
  onmessage: ((event: { readonly data: InspectionRequest }) => void) | null;
  postMessage(message: InspectionAnswer): void;
}

const scope = globalThis as unknown as WorkerScope;

// A worker may start workers of its own in the browsers Outlook's pane runs in; where it may not, the
// helper's streams fail at once and this worker detects the text itself.
const helper = workerDetectionHelper(() => new Worker(new URL('./detection-worker.js', import.meta.url)) as unknown as DetectionWorkerLike);

scope.onmessage = ({ data }) => {
  inspectWithoutPdf(data.attachment, data.bytes, helper).then(
    (inspection) => scope.postMessage({ id: data.id, inspection }),
    () => scope.postMessage({ id: data.id, inspection: null }),
  );
};
