// What the Send should do with a check, decided once for every host: the handler turns it into Office
// calls and a completion, the pane shows it, the CLI prints it.
import { dialogConfirmation } from '../policy/dialog-confirm.js';
import { sendControls, type SendControls } from '../policy/index.js';
import type { Check } from './run-check.js';

/** What the client running the check can do (Mailbox requirement sets, read once by the host). */
export interface HostAbilities {
  /** Mailbox 1.14: sendModeOverride PromptUser, so Send Anyway can be the confirmation. */
  readonly promptUser: boolean;
  /** Mailbox 1.14: the dialog's button opens the review pane (commandId). */
  readonly openPane: boolean;
  /** Mailbox 1.13: item.delayDeliveryTime, so a send can be held. */
  readonly delayDelivery: boolean;
}

export type SendPlan =
  /** The message goes, with the organisation's controls applied first. */
  | { readonly kind: 'allow'; readonly because: 'clean' | 'confirmed'; readonly controls: SendControls }
  | { readonly kind: 'block' }
  /** Only a supervisor's approval is missing: the pane's Request approval, so the review button is offered. */
  | { readonly kind: 'approval' }
  /** Send Anyway in the Smart Alerts dialog confirms these outside addresses; it sends without asking again, so the controls come first. */
  | { readonly kind: 'dialog-confirm'; readonly addresses: readonly string[]; readonly controls: SendControls }
  /** The review pane (or, below Mailbox 1.14, the ribbon button) with its checklist. */
  | { readonly kind: 'review' }
  /** bccAction "move": these outside To/Cc recipients go to Bcc, then the user is told once and sends again. */
  | { readonly kind: 'move-to-bcc'; readonly addresses: readonly string[] };

export function planSend(check: Check, host: HostAbilities): SendPlan {
  const { verdict, policy } = check;
  if (verdict.decision === 'block') return onlyApprovalBlocks(check) ? { kind: 'approval' } : { kind: 'block' };
  // A meeting never gets here: it has no Bcc, so nothing suggests moving to it (many-domains-visible).
  const move = policy.bccAction === 'move' ? movingToBcc(check) : [];
  if (move.length > 0) return { kind: 'move-to-bcc', addresses: move };
  switch (verdict.decision) {
    case 'allow':
      return { kind: 'allow', because: 'clean', controls: controlsFor(check, host) };
    case 'confirm': {
      if (check.confirmed) return { kind: 'allow', because: 'confirmed', controls: controlsFor(check, host) };
      const dialog = host.promptUser ? dialogConfirmation(verdict, policy) : null;
      return dialog === null
        ? { kind: 'review' }
        : { kind: 'dialog-confirm', addresses: dialog.addresses, controls: controlsFor(check, host) };
    }
    default:
      throw new Error(`unknown decision: ${String((verdict as { decision: unknown }).decision)}`);
  }
}

function onlyApprovalBlocks(check: Check): boolean {
  return check.verdict.findings.every((finding) => finding.severity !== 'block' || finding.rule === 'approval-required');
}

function movingToBcc(check: Check): readonly string[] {
  for (const action of check.verdict.actions) if (action.kind === 'move-to-bcc') return action.addresses;
  return [];
}

function controlsFor(check: Check, host: HostAbilities): SendControls {
  const controls = sendControls(check.snapshot, check.policy);
  if (host.delayDelivery || controls.delayMinutes === 0) return controls;
  // Below Mailbox 1.13 nothing can hold the message: it goes at once (the pane says so).
  return { ...controls, delayMinutes: 0 };
}
