// The decisions of scripts/desktop.js, apart from what it runs, so they can be tested on any machine.
import { DEVELOPMENT_ORIGIN } from './manifest.js';

/**
 * Where Windows records classic Outlook's OUTLOOK.EXE; office-addin-debugging reads the same key before
 * it launches Outlook (node_modules/office-addin-dev-settings/lib/sideload.js, getOutlookExePath).
 */
export const OUTLOOK_APP_PATH_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\OUTLOOK.EXE';

const PLATFORM_NAMES = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' };

const ALTERNATIVES = [
  'Instead:',
  `  - npm start, then open ${DEVELOPMENT_ORIGIN}/playground/: an emulated Outlook compose window`,
  '    running the real handler and pane, no Microsoft 365 account needed;',
  '  - or npm start and add manifest.xml by hand in Outlook on the web, new Outlook or Outlook for Mac:',
  '    https://aka.ms/olksideload > My add-ins > Add a custom add-in (docs/sideload.md, section 3).',
];

function why(platform) {
  // office-addin-dev-settings sideloads Outlook only on win32 (lib/sideload.js,
  // isSideloadingSupportedForDesktopHost); on macOS it answers "not supported", elsewhere it fails.
  if (platform === 'darwin') return 'this machine runs macOS, and office-addin-debugging cannot sideload into Outlook for Mac.';
  if (platform === 'win32')
    return 'no classic Outlook (OUTLOOK.EXE) is installed here; new Outlook takes add-ins only from the sideload dialog.';
  return `this machine runs ${PLATFORM_NAMES[platform] ?? platform}, which has no desktop Outlook.`;
}

/**
 * Whether `npm run start:desktop` can sideload here: Windows with classic Outlook installed. `outlookExe`
 * is the path the registry gives, or null when there is none (or the machine is not Windows).
 */
export function desktopOutlookVerdict(platform, outlookExe) {
  if (platform === 'win32' && outlookExe !== null) return { ok: true, lines: [] };
  return {
    ok: false,
    lines: [`npm run start:desktop sideloads Preflight into classic Outlook on Windows, but ${why(platform)}`, '', ...ALTERNATIVES],
  };
}

/**
 * OUTLOOK.EXE's path from `reg query <key> /ve` output, or null. With /ve the only value printed is the
 * default one, whose name Windows translates ("(Default)", "(既定)"), so the type is what is matched.
 */
export function outlookExeFromRegQuery(output) {
  const match = /\sREG_(?:EXPAND_)?SZ\s+(\S.*?)\s*$/m.exec(output);
  return match === null ? null : match[1].replace(/^"(.*)"$/, '$1');
}

/**
 * office-addin-debugging 7.0.0 exits 0 even when it fails; only its stderr says so
 * (node_modules/office-addin-debugging/lib/commands.js: logErrorMessage, then return).
 */
export function toolFailed(stderr) {
  return /Unable to (start|stop) debugging/.test(stderr);
}
