// What the compose window shows around a send: Outlook's working notice, the "taking longer" notice after
// 5 s, the Smart Alerts dialog, the timeout, and the sent message. A run number keeps a late timer or a
// late completion from an earlier press from acting on a later one.
import type { ComposeContent } from './fake-office/compose-message.js';
import type { AlertAction, AlertBody, SendOutcome } from './smart-alert.js';

/** When Outlook tells the user the add-in is slow, and when it gives up (https://learn.microsoft.com/office/dev/add-ins/outlook/onmessagesend-onappointmentsend-events). */
export const SLOW_AFTER_MS = 5_000;
export const TIMEOUT_AFTER_MS = 5 * 60_000;

export type SendPhase =
  | { readonly kind: 'composing' }
  | { readonly kind: 'checking'; readonly run: number; readonly slow: boolean }
  | { readonly kind: 'alert'; readonly body: AlertBody; readonly action: AlertAction | null; readonly sendAnyway: boolean }
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'timed-out' }
  | { readonly kind: 'sent'; readonly content: ComposeContent };

export type SendEvent =
  | { readonly type: 'send-pressed'; readonly run: number }
  | { readonly type: 'slow'; readonly run: number }
  | { readonly type: 'timed-out'; readonly run: number }
  | { readonly type: 'unavailable'; readonly run: number }
  | { readonly type: 'completed'; readonly run: number; readonly outcome: SendOutcome; readonly content: ComposeContent }
  | { readonly type: 'dismissed' }
  | { readonly type: 'sent-anyway'; readonly content: ComposeContent }
  | { readonly type: 'new-message' };

export const COMPOSING: SendPhase = { kind: 'composing' };

export function nextPhase(phase: SendPhase, event: SendEvent): SendPhase {
  switch (event.type) {
    case 'send-pressed':
      return phase.kind === 'composing' ? { kind: 'checking', run: event.run, slow: false } : phase;
    case 'slow':
      return isChecking(phase, event.run) ? { ...phase, slow: true } : phase;
    case 'timed-out':
      return isChecking(phase, event.run) ? { kind: 'timed-out' } : phase;
    case 'unavailable':
      return isChecking(phase, event.run) ? { kind: 'unavailable' } : phase;
    case 'completed':
      if (!isChecking(phase, event.run)) return phase;
      if (event.outcome.kind === 'send') return { kind: 'sent', content: event.content };
      return { kind: 'alert', body: event.outcome.body, action: event.outcome.action, sendAnyway: event.outcome.sendAnyway };
    case 'dismissed':
      return phase.kind === 'alert' || phase.kind === 'unavailable' || phase.kind === 'timed-out' ? COMPOSING : phase;
    case 'sent-anyway':
      return phase.kind === 'unavailable' || (phase.kind === 'alert' && phase.sendAnyway)
        ? { kind: 'sent', content: event.content }
        : phase;
    case 'new-message':
      return COMPOSING;
    default:
      return phase;
  }
}

function isChecking(phase: SendPhase, run: number): phase is Extract<SendPhase, { kind: 'checking' }> {
  return phase.kind === 'checking' && phase.run === run;
}
