// The pane's detection worker, started by the inspection worker (inspect-worker.ts): detects a large
// text in pieces, a sheet's while the inspection worker goes on extracting (docs/inspection.md, "Detection
// beside extraction").
import { detectionService, type HelperRequest } from '../inspect/index.js';

interface WorkerScope {
  onmessage: ((event: { readonly data: HelperRequest }) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
// A message to itself queues the next step behind the messages already waiting, so an `end` is read
// between two pieces; setTimeout would add its clamped delay to every piece.
const steps: (() => void)[] = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => steps.shift()?.();
const serve = detectionService(
  (answer) => scope.postMessage(answer),
  (step) => {
    steps.push(step);
    channel.port2.postMessage(null);
  },
);
scope.onmessage = ({ data }) => serve(data);
