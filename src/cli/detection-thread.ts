// A worker thread that detects large sheets beside extraction, for inspectAttachment (src/inspect,
// detection-helper.ts). Started at the first large sheet and kept for the next; it holds the process
// open only while a sheet is in it. A thread that fails or exits fails what it holds, which the core
// then detects on the main thread, and the next sheet starts a new one.
import { Worker } from 'node:worker_threads';
import { detectionClient, type DetectionClient, type DetectionHelper, type HelperAnswer } from '../inspect/index.js';

export interface DetectionThread extends DetectionHelper {
  /** Stops the thread; a later sheet starts another. */
  close(): Promise<void>;
}

export function detectionThread(script: URL = new URL('./detection-worker.js', import.meta.url)): DetectionThread {
  let current: { readonly worker: Worker; readonly client: DetectionClient } | null = null;

  const started = (): DetectionClient => {
    if (current !== null) return current.client;
    let worker: Worker;
    try {
      worker = new Worker(script);
    } catch (error) {
      // Every stream of this client then fails at once, and the core detects its text itself.
      return detectionClient(() => {
        throw error;
      });
    }
    worker.unref();
    const client = detectionClient(
      (request) => worker.postMessage(request),
      (busy) => (busy ? worker.ref() : worker.unref()),
    );
    const gone = (reason: string): void => {
      if (current?.worker === worker) current = null;
      client.fail(reason);
    };
    worker.on('message', (answer: HelperAnswer) => client.receive(answer));
    worker.on('error', (error) => gone(error.message));
    worker.on('exit', (code) => gone(`the detection thread exited with code ${code}`));
    current = { worker, client };
    return client;
  };

  return {
    open: (request) => started().open(request),
    async close() {
      const closing = current;
      current = null;
      if (closing !== null) await closing.worker.terminate();
    },
  };
}
