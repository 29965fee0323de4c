// The inspection worker: extraction and detection off the page's thread, so the review pane keeps
// painting and answering clicks while a large workbook or a ZIP is read (docs/inspection.md, "Limits").
import { workerDetectionHelper, type DetectionWorkerLike } from './detection-helper.js';
import { inspectHere } from './inspect-here.js';
import { pagePdfReader } from './page-pdf-reader.js';
import type { PageMessage, WorkerMessage } from './worker-protocol.js';

interface WorkerScope {
  onmessage: ((event: { readonly data: PageMessage }) => void) | null;
  postMessage(message: WorkerMessage): void;
}

const scope = globalThis as unknown as WorkerScope;

// A worker may start workers of its own in the browsers Outlook's pane runs in; where it may not, the
// helper's streams fail at once and this worker detects the text itself.
const helper = workerDetectionHelper(() => new Worker(new URL('./detection-worker.js', import.meta.url)) as unknown as DetectionWorkerLike);
const pdfs = pagePdfReader((request) => scope.postMessage(request));

scope.onmessage = ({ data }) => {
  if ('call' in data) {
    pdfs.receive(data);
    return;
  }
  inspectHere(data.attachment, data.bytes, { helper, pdf: pdfs.reader }).then(
    (inspection) => scope.postMessage({ id: data.id, inspection }),
    () => scope.postMessage({ id: data.id, inspection: null }),
  );
};
