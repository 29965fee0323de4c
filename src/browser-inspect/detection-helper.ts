// The inspection worker's side of its detection worker (detection-worker.ts): started at the first large
// text and kept for the next. A worker that fails fails what it holds, which the core then detects
// itself, and the next text starts a new one (restartingHelper in src/inspect/detection-helper.ts).
import { restartingHelper, type DetectionHelper, type HelperAnswer, type HelperRequest } from '../inspect/index.js';

export interface DetectionWorkerLike {
  addEventListener(type: 'message', listener: (event: { readonly data: HelperAnswer }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: () => void): void;
  postMessage(message: HelperRequest): void;
  terminate(): void;
}

/** Where a worker cannot start workers of its own, `createWorker` throws and every stream is detected here. */
export function workerDetectionHelper(createWorker: () => DetectionWorkerLike): DetectionHelper {
  return restartingHelper((events) => {
    const worker = createWorker();
    const gone = (reason: string): void => {
      worker.terminate();
      events.gone(reason);
    };
    worker.addEventListener('message', ({ data }) => events.receive(data));
    worker.addEventListener('error', () => gone('the detection worker failed'));
    worker.addEventListener('messageerror', () => gone('a message to the detection worker could not be read'));
    // A page's worker does not hold anything open: nothing to say when it is busy.
    return { post: (request) => worker.postMessage(request), busy: () => {} };
  });
}
