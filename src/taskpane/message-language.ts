import { paneText, type PaneText } from './pane-text.js';

/**
 * Text for what goes to the recipients (the password mail, the link block): Japanese when the message
 * itself is, else the pane's language.
 */
export function messageText(subjectAndBody: string, paneLanguage: PaneText): PaneText {
  return /[\u3040-\u30ff\u4e00-\u9fff]/.test(subjectAndBody) ? paneText('ja') : paneLanguage;
}
