// A worker thread that detects large texts beside the main thread, for inspectAttachment (src/inspect,
// detection-helper.ts). Started at the first large text and kept for the next; it holds the process
// open only while a text is in it. A thread that fails or exits fails what it holds, which the core
// then detects on the main thread, and the next text starts a new one (restartingHelper).
import { Worker } from 'node:worker_threads';
import { restartingHelper, type DetectionHelper, type HelperAnswer } from '../inspect/index.js';

export interface DetectionThread extends DetectionHelper {
  /** Stops the thread; a later sheet starts another. */
  close(): Promise<void>;
}

export function detectionThread(script: URL = new URL('./detection-worker.js', import.meta.url)): DetectionThread {
  const helper = restartingHelper((events) => {
    const worker = new Worker(script);
    worker.unref();
    worker.on('message', (answer: HelperAnswer) => events.receive(answer));
    worker.on('error', (error) => events.gone(error.message));
    worker.on('exit', (code) => events.gone(`the detection thread exited with code ${code}`));
    return {
      worker,
      post: (request) => worker.postMessage(request),
      busy: (busy) => (busy ? worker.ref() : worker.unref()),
    };
  });
  return {
    open: (request) => helper.open(request),
    async close() {
      await helper.take()?.worker.terminate();
    },
  };
}
