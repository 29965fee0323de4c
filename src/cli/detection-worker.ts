// The CLI's detection thread (detection-thread.ts): detects a large text in pieces, a sheet's while the
// main thread goes on extracting (docs/inspection.md, "Detection beside extraction").
import { parentPort } from 'node:worker_threads';
import { detectionService, type HelperRequest } from '../inspect/index.js';

if (parentPort === null) throw new Error('detection-worker.js runs as a worker thread (detection-thread.ts)');
const port = parentPort;
// setImmediate runs after the messages already waiting, so an `end` is read between two pieces.
const serve = detectionService(
  (answer) => port.postMessage(answer),
  (step) => setImmediate(step),
);
port.on('message', (request: HelperRequest) => serve(request));
