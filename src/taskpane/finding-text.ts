import { scriptName } from '../i18n/script-name.js';
import { PANE_STRINGS } from '../i18n/tables/pane.js';
import { withScriptNames, type Finding } from '../policy/index.js';
import type { PaneKey, PaneText } from './pane-text.js';

function paneKeyOf(messageKey: string): PaneKey | null {
  const key = `pane.${messageKey}`;
  return Object.prototype.hasOwnProperty.call(PANE_STRINGS.en, key) ? (key as PaneKey) : null;
}

/**
 * A finding's message as the pane shows it. Some finding messages are written for the Smart Alerts dialog
 * and send the user to the pane; the pane has its own wording for those (`pane.` + the finding's key),
 * naming the section and buttons by their own labels so the two never drift apart.
 */
export function findingText(text: PaneText, finding: Finding): string {
  const params = withScriptNames(finding.params, (script) => scriptName(text.locale, script));
  const paneKey = paneKeyOf(finding.messageKey);
  if (paneKey === null) return text.message(finding.messageKey, params);
  return text(paneKey, {
    ...params,
    section: text('pane.protect.title'),
    zipButton: text('pane.protect.zipButton'),
    linkButton: text('pane.link.button'),
  });
}
