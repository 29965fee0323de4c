// A check's send plan as Smart Alerts options: pure, so every path is a table test.
import type { SendCompletion } from '../office/index.js';
import type { Locale } from '../i18n/locale.js';
import { translateForHandler as translate } from '../i18n/handler-strings.js';
import type { SendPlan } from '../check/send-plan.js';
import type { Verdict } from '../policy/index.js';
import { escapeMarkdown, markdownAlert, plainAlert, type AlertParts } from './alert-text.js';
import { attachmentLine, findingLines, recipientLines } from './dialog-lines.js';

/** The manifest Control id of the review pane button (cross-part contract). */
export const REVIEW_COMMAND_ID = 'msgComposeOpenPaneButton';

/**
 * The same button on the appointment organiser surface: commandId must name a Control on the surface where
 * the send happens, and Control ids are unique in a manifest
 * (https://learn.microsoft.com/javascript/api/manifest/control).
 */
export const APPOINTMENT_REVIEW_COMMAND_ID = 'apptOrganizerOpenPaneButton';

export interface Presentation {
  readonly locale: Locale;
  /** Mailbox 1.14: cancelLabel, commandId, contextData and sendModeOverride. */
  readonly canOpenPane: boolean;
  /** Mailbox 1.15: errorMessageMarkdown. */
  readonly canUseMarkdown: boolean;
  /** The review button of the surface being sent from; REVIEW_COMMAND_ID when absent. */
  readonly reviewCommandId?: string;
  /** A meeting request: the titles say so instead of "this message". */
  readonly meeting?: boolean;
}

type TitleKey = 'handler.confirm.title' | 'handler.dialog.title' | 'handler.block.title' | 'handler.error.title' | 'handler.approval.title';

function title(key: TitleKey, presentation: Presentation): string {
  return translate(presentation.locale, presentation.meeting === true ? `${key}Meeting` : key);
}

export const FALLBACK_PRESENTATION: Presentation = { locale: 'en', canOpenPane: false, canUseMarkdown: false };

/** What the pane gets through contextData; the pane re-evaluates, this only says why it was opened. */
export interface ReviewContext {
  readonly source: 'preflight-send';
  readonly fingerprint: string;
}

/** What the handler did before completing: when a held message leaves (null: at once). */
export interface Applied {
  readonly heldUntilMs: number | null;
}

const NOTHING_APPLIED: Applied = { heldUntilMs: null };

export function completionForPlan(
  plan: SendPlan,
  verdict: Verdict,
  presentation: Presentation,
  applied: Applied = NOTHING_APPLIED,
): SendCompletion {
  switch (plan.kind) {
    case 'allow':
      return { allowEvent: true };
    case 'block':
      return blockCompletion(verdict, presentation);
    case 'dialog-confirm':
      return dialogConfirmCompletion(plan.addresses, verdict, presentation, applied);
    case 'review':
      return reviewCompletion(verdict, presentation);
    case 'approval':
      return approvalCompletion(verdict, presentation);
    case 'move-to-bcc':
      return movedCompletion(plan.addresses, presentation);
    default:
      throw new Error(`unknown plan: ${String((plan as { kind: unknown }).kind)}`);
  }
}

/** When the check itself fails: the policy's onError, block when no policy is known. */
export function completionForError(onError: 'block' | 'allow', detail: string, presentation: Presentation): SendCompletion {
  if (onError === 'allow') return { allowEvent: true };
  const { locale } = presentation;
  const parts: AlertParts = {
    title: title('handler.error.title', presentation),
    lines: [],
    closing: translate(locale, 'handler.error.retry', { detail }),
  };
  return { allowEvent: false, errorMessage: plainAlert(parts) };
}

function blockCompletion(verdict: Verdict, presentation: Presentation): SendCompletion {
  const { locale } = presentation;
  const reasons = findingLines(verdict, 'block', locale);
  const parts: AlertParts = {
    title: title('handler.block.title', presentation),
    lines: reasons.length > 0 ? reasons : [translate(locale, 'handler.block.generic')],
    closing: translate(locale, 'handler.block.fix'),
  };
  return { allowEvent: false, errorMessage: plainAlert(parts) };
}

/** With the review button on 1.14+, the pane opens on the checklist the dialog counted. */
function withReviewButton(verdict: Verdict, parts: AlertParts, presentation: Presentation): SendCompletion {
  const errorMessage = plainAlert(parts);
  if (!presentation.canOpenPane) return { allowEvent: false, errorMessage };
  const markdown = presentation.canUseMarkdown ? markdownAlert(parts) : null;
  const context: ReviewContext = { source: 'preflight-send', fingerprint: verdict.fingerprint };
  return {
    allowEvent: false,
    errorMessage,
    ...(markdown === null ? {} : { errorMessageMarkdown: markdown }),
    cancelLabel: translate(presentation.locale, 'handler.confirm.cancelLabel'),
    commandId: presentation.reviewCommandId ?? REVIEW_COMMAND_ID,
    contextData: JSON.stringify(context),
  };
}

function reviewCompletion(verdict: Verdict, presentation: Presentation): SendCompletion {
  const { locale, canOpenPane } = presentation;
  const parts: AlertParts = {
    title: title('handler.confirm.title', presentation),
    // Who and what first: when 500 characters do not hold everything, the finding lines give way.
    lines: [
      ...recipientLines(verdict.checklist, locale),
      ...attachmentLine(verdict.checklist, locale),
      ...findingLines(verdict, 'confirm', locale),
    ],
    closing: translate(locale, canOpenPane ? 'handler.confirm.review' : 'handler.confirm.ribbon', { count: verdict.checklist.length }),
  };
  return withReviewButton(verdict, parts, presentation);
}

/** Only approval is missing: the review button opens the pane, where the request is made. */
function approvalCompletion(verdict: Verdict, presentation: Presentation): SendCompletion {
  const { locale, canOpenPane } = presentation;
  const finding = verdict.findings.find((candidate) => candidate.rule === 'approval-required' && candidate.severity === 'block');
  const approvers = finding === undefined ? '' : String(finding.params['approvers'] ?? '');
  const parts: AlertParts = {
    title: title('handler.approval.title', presentation),
    lines: [
      approvers === '' ? translate(locale, 'handler.approval.noApprover') : translate(locale, 'handler.approval.approvers', { approvers }),
    ],
    closing: translate(locale, canOpenPane ? 'handler.approval.review' : 'handler.approval.ribbon'),
  };
  return withReviewButton(verdict, parts, presentation);
}

/**
 * Send Anyway is the confirmation (sendModeOverride PromptUser, Mailbox 1.14): the message lists every
 * outside address so that pressing it confirms exactly those; Review still opens the pane.
 */
function dialogConfirmCompletion(
  addresses: readonly string[],
  verdict: Verdict,
  presentation: Presentation,
  applied: Applied,
): SendCompletion {
  const { locale } = presentation;
  const closing = translate(locale, 'handler.dialog.closing');
  const parts: AlertParts = {
    title: title('handler.dialog.title', presentation),
    lines: addresses,
    closing:
      applied.heldUntilMs === null ? closing : `${translate(locale, 'handler.hold', { time: clockTime(applied.heldUntilMs) })} ${closing}`,
  };
  const completion = withReviewButton(verdict, parts, presentation);
  // Every address must be shown for Send Anyway to mean "these are right"; when they do not all fit, the pane asks.
  if (!showsEveryAddress(completion, addresses)) return reviewCompletion(verdict, presentation);
  return { ...completion, promptUser: true };
}

/**
 * Each address whole on a line of its own, in the plain text and in the Markdown, which 1.15 shows instead
 * and which may drop more lines (alert-text.ts): a line containing an address may be another, longer one.
 */
function showsEveryAddress(completion: SendCompletion, addresses: readonly string[]): boolean {
  const plainLines = (completion.errorMessage ?? '').split('\n');
  const markdownLines = completion.errorMessageMarkdown?.split(/\r|\n/);
  return addresses.every(
    (address) => plainLines.includes(address) && (markdownLines === undefined || markdownLines.includes(`- ${escapeMarkdown(address)}`)),
  );
}

/** bccAction "move": the handler moved them; one stop says so, and the next Send goes through. */
function movedCompletion(addresses: readonly string[], presentation: Presentation): SendCompletion {
  const { locale } = presentation;
  const parts: AlertParts = {
    title: translate(locale, 'handler.moved.title', { count: addresses.length }),
    lines: addresses,
    closing: translate(locale, 'handler.moved.closing'),
  };
  const markdown = presentation.canUseMarkdown ? markdownAlert(parts) : null;
  return { allowEvent: false, errorMessage: plainAlert(parts), ...(markdown === null ? {} : { errorMessageMarkdown: markdown }) };
}

/** 14:05 in the user's time zone; the runtime's Intl cannot be relied on in classic Outlook. */
export function clockTime(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number): string => (value < 10 ? `0${value}` : String(value));
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
