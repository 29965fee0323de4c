// The inspection worker's side of its detection worker (detection-worker.ts): started at the first large
// sheet and kept for the next. A worker that fails fails what it holds, which the core then detects
// itself (src/inspect/helper-streams.ts), and the next sheet starts a new one.
import { detectionClient, type DetectionClient, type DetectionHelper, type HelperAnswer, type HelperRequest } from '../inspect/index.js';

export interface DetectionWorkerLike {
  addEventListener(type: 'message', listener: (event: { readonly data: HelperAnswer }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: () => void): void;
  postMessage(message: HelperRequest): void;
  terminate(): void;
}

export function workerDetectionHelper(createWorker: () => DetectionWorkerLike): DetectionHelper {
  let current: { readonly worker: DetectionWorkerLike; readonly client: DetectionClient } | null = null;
  const started = (): DetectionClient => {
    if (current !== null) return current.client;
    let worker: DetectionWorkerLike;
    try {
      worker = createWorker();
    } catch (error) {
      // No nested workers here (or the script was refused): every stream fails at once and is detected in this worker.
      return detectionClient(() => {
        throw error;
      });
    }
    const client = detectionClient((request) => worker.postMessage(request));
    const gone = (reason: string): void => {
      if (current?.worker !== worker) return;
      current = null;
      worker.terminate();
      client.fail(reason);
    };
    worker.addEventListener('message', ({ data }) => client.receive(data));
    worker.addEventListener('error', () => gone('the detection worker failed'));
    worker.addEventListener('messageerror', () => gone('a message to the detection worker could not be read'));
    current = { worker, client };
    return client;
  };
  return { open: (request) => started().open(request) };
}
