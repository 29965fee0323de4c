// What the Send should do with a check, decided once for every host: the handler turns it into a
// completion, the pane shows it, the CLI prints it.
import { dialogConfirmation } from '../policy/dialog-confirm.js';
import type { Check } from './run-check.js';

/** What the client running the check can do (Mailbox requirement sets, read once by the host). */
export interface HostAbilities {
  /** Mailbox 1.14: sendModeOverride PromptUser, so Send Anyway can be the confirmation. */
  readonly promptUser: boolean;
  /** Mailbox 1.14: the dialog's button opens the review pane (commandId). */
  readonly openPane: boolean;
}

export type SendPlan =
  | { readonly kind: 'allow'; readonly because: 'clean' | 'confirmed' }
  | { readonly kind: 'block' }
  /** Send Anyway in the Smart Alerts dialog confirms these outside addresses. */
  | { readonly kind: 'dialog-confirm'; readonly addresses: readonly string[] }
  /** The review pane (or, below Mailbox 1.14, the ribbon button) with its checklist. */
  | { readonly kind: 'review' };

export function planSend(check: Check, host: HostAbilities): SendPlan {
  const { verdict, policy } = check;
  switch (verdict.decision) {
    case 'allow':
      return { kind: 'allow', because: 'clean' };
    case 'block':
      return { kind: 'block' };
    case 'confirm': {
      if (check.confirmed) return { kind: 'allow', because: 'confirmed' };
      const dialog = host.promptUser ? dialogConfirmation(verdict, policy) : null;
      return dialog === null ? { kind: 'review' } : { kind: 'dialog-confirm', addresses: dialog.addresses };
    }
    default:
      throw new Error(`unknown decision: ${String((verdict as { decision: unknown }).decision)}`);
  }
}
