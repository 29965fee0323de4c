// The inspection lab page (dist/playground/inspection.html): the pane's inspection in the worker and on
// the page's own thread, side by side, for the browser tests and `npm run bench -- inspection`.
import { inspectInBrowser, inspectInThread } from './inspect-in-browser.js';

export interface InspectionLab {
  readonly inWorker: typeof inspectInBrowser;
  readonly inThread: typeof inspectInThread;
}

(globalThis as unknown as { preflightInspectionLab: InspectionLab }).preflightInspectionLab = {
  inWorker: inspectInBrowser,
  inThread: inspectInThread,
};
