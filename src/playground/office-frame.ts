// First script of the playground's handler and pane pages: installs the top page's fake as this frame's
// `Office`, where Outlook's pages load office.js from the CDN. It must run before the add-in's own scripts,
// because launchevent.js calls Office.actions.associate as soon as it loads.
import './playground-api.js';
import type { FrameKind } from './playground-host.js';

function frameKind(pathname: string): FrameKind {
  return pathname.endsWith('/launchevent.html') ? 'launchevent' : 'taskpane';
}

function install(): void {
  if (window.parent === window) {
    console.warn('Preflight playground: open /playground/ instead; this page needs the playground around it.');
    return;
  }
  const api = window.parent.preflightPlayground;
  if (api === undefined) {
    console.warn('Preflight playground: the surrounding page offers no emulated Office.');
    return;
  }
  (window as unknown as { Office: unknown }).Office = api.officeFor(frameKind(window.location.pathname));
}

install();
