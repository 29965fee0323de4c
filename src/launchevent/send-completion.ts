// The decision of the send handler as Smart Alerts options: pure, so every path is a table test.
import type { SendCompletion } from '../office/index.js';
import type { Locale } from '../i18n/locale.js';
import { translateForHandler as translate } from '../i18n/handler-strings.js';
import type { Severity, Verdict } from '../policy/index.js';
import { markdownAlert, plainAlert, type AlertParts } from './alert-text.js';

/** The manifest Control id of the review pane button (cross-part contract). */
export const REVIEW_COMMAND_ID = 'msgComposeOpenPaneButton';

export interface Presentation {
  readonly locale: Locale;
  /** Mailbox 1.14: cancelLabel, commandId and contextData. */
  readonly canOpenPane: boolean;
  /** Mailbox 1.15: errorMessageMarkdown. */
  readonly canUseMarkdown: boolean;
}

export const FALLBACK_PRESENTATION: Presentation = { locale: 'en', canOpenPane: false, canUseMarkdown: false };

/** What the pane gets through contextData; the pane re-evaluates, this only says why it was opened. */
export interface ReviewContext {
  readonly source: 'preflight-send';
  readonly fingerprint: string;
}

export function completionForVerdict(verdict: Verdict, confirmedFingerprint: string | null, presentation: Presentation): SendCompletion {
  switch (verdict.decision) {
    case 'allow':
      return { allowEvent: true };
    case 'block':
      return blockCompletion(verdict, presentation);
    case 'confirm':
      if (confirmedFingerprint !== null && confirmedFingerprint === verdict.fingerprint) return { allowEvent: true };
      return confirmCompletion(verdict, presentation);
    default:
      throw new Error(`unknown decision: ${String((verdict as { decision: unknown }).decision)}`);
  }
}

/** When the check itself fails: the policy's onError, block when no policy is known. */
export function completionForError(onError: 'block' | 'allow', detail: string, presentation: Presentation): SendCompletion {
  if (onError === 'allow') return { allowEvent: true };
  const { locale } = presentation;
  const parts: AlertParts = {
    title: translate(locale, 'handler.error.title'),
    lines: [],
    closing: translate(locale, 'handler.error.retry', { detail }),
  };
  return { allowEvent: false, errorMessage: plainAlert(parts) };
}

/**
 * One line for every unprotected attachment of a severity: one long message per file would push the other
 * reasons out of the 500 characters, and the fix is the same for all of them.
 */
function unprotectedLine(verdict: Verdict, severity: Severity, locale: Locale): string[] {
  const count = verdict.findings.filter((finding) => finding.rule === 'unprotected-attachment' && finding.severity === severity).length;
  return count === 0 ? [] : [translate(locale, 'handler.unprotected', { count })];
}

function blockCompletion(verdict: Verdict, presentation: Presentation): SendCompletion {
  const { locale } = presentation;
  const reasons = unique([
    ...verdict.findings
      .filter((finding) => finding.severity === 'block' && finding.rule !== 'unprotected-attachment')
      .map((finding) => translate(locale, finding.messageKey, finding.params)),
    ...unprotectedLine(verdict, 'block', locale),
  ]);
  const parts: AlertParts = {
    title: translate(locale, 'handler.block.title'),
    lines: reasons.length > 0 ? reasons : [translate(locale, 'handler.block.generic')],
    closing: translate(locale, 'handler.block.fix'),
  };
  return { allowEvent: false, errorMessage: plainAlert(parts) };
}

function confirmCompletion(verdict: Verdict, presentation: Presentation): SendCompletion {
  const { locale, canOpenPane, canUseMarkdown } = presentation;
  const parts: AlertParts = {
    title: translate(locale, 'handler.confirm.title'),
    lines: summaryLines(verdict, locale),
    closing: translate(locale, canOpenPane ? 'handler.confirm.review' : 'handler.confirm.ribbon'),
  };
  const errorMessage = plainAlert(parts);
  if (!canOpenPane) return { allowEvent: false, errorMessage };
  const markdown = canUseMarkdown ? markdownAlert(parts) : null;
  const context: ReviewContext = { source: 'preflight-send', fingerprint: verdict.fingerprint };
  return {
    allowEvent: false,
    errorMessage,
    ...(markdown === null ? {} : { errorMessageMarkdown: markdown }),
    cancelLabel: translate(locale, 'handler.confirm.cancelLabel'),
    commandId: REVIEW_COMMAND_ID,
    contextData: JSON.stringify(context),
  };
}

/** Counts only: the alert names no address, so nothing of the message shows beyond what the pane shows. */
function summaryLines(verdict: Verdict, locale: Locale): string[] {
  const external = new Set<string>();
  const domains = new Set<string>();
  let attachments = 0;
  for (const item of verdict.checklist) {
    if (item.kind === 'recipient' && item.external) {
      external.add(item.address.toLowerCase());
      domains.add(item.domain);
    }
    if (item.kind === 'attachment') attachments += 1;
  }
  const findings = verdict.findings.filter((finding) => finding.severity !== 'info').length;
  return [
    translate(locale, 'handler.confirm.external', { count: external.size, domains: domains.size }),
    translate(locale, 'handler.confirm.attachments', { count: attachments }),
    translate(locale, 'handler.confirm.findings', { count: findings }),
    ...unprotectedLine(verdict, 'confirm', locale),
  ];
}

function unique(texts: readonly string[]): string[] {
  return [...new Set(texts)];
}
