// What the top page offers its frames (office-frame.ts) and, for the browser tests and the benchmark,
// the page itself: `window.preflightPlayground`.
import type { FakeOffice } from './fake-office/fake-office.js';
import type { FrameKind, PlaygroundHost } from './playground-host.js';

export interface PlaygroundApi {
  /** Called by office-frame.ts in each frame, before the frame's own scripts run. */
  officeFor(kind: FrameKind): FakeOffice;
  readonly host: PlaygroundHost;
}

declare global {
  interface Window {
    preflightPlayground?: PlaygroundApi;
  }
}
