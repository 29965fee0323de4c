import { scriptName } from '../i18n/script-name.js';
import type { StringKey } from '../i18n/strings.js';
import type { TextPart } from '../i18n/translate.js';
import { PANE_STRINGS } from '../i18n/tables/pane.js';
import { withScriptNames, type Finding } from '../policy/index.js';
import type { PaneKey, PaneText, TextParams } from './pane-text.js';

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
  const { key, params } = findingMessage(text, finding);
  return key === finding.messageKey ? text.message(key, params) : text(key as PaneKey, params);
}

/** The same message split at its placeholders, so addresses and domains can wrap as addresses (Address.tsx). */
export function findingParts(text: PaneText, finding: Finding): TextPart[] {
  const { key, params } = findingMessage(text, finding);
  return text.parts(key, params);
}

function findingMessage(text: PaneText, finding: Finding): { key: StringKey; params: TextParams } {
  const params = withScriptNames(finding.params, (script) => scriptName(text.locale, script));
  const paneKey = paneKeyOf(finding.messageKey);
  if (paneKey === null) return { key: finding.messageKey, params };
  return {
    key: paneKey,
    params: {
      ...params,
      section: text('pane.protect.title'),
      zipButton: text('pane.protect.zipButton'),
      linkButton: text('pane.link.button'),
    },
  };
}
