// What the organisation adds to this message at Send, told before the user sends it: the automatic Bcc
// copies and the hold (src/policy/send-controls.ts decides both; the handler applies them).
import { sendControls, withoutAutoBcc } from '../policy/index.js';
import type { Review } from './review-session.js';

export interface ControlNotes {
  /** The copies the handler adds (or already added) to Bcc. */
  readonly bcc: readonly string[];
  /** Minutes the message is held after Send; 0 for none. */
  readonly holdMinutes: number;
  /** The policy asks for a hold this client cannot set (below Mailbox 1.13): it leaves at once. */
  readonly holdUnavailable: boolean;
}

export function controlNotes(review: Review, host: { readonly canHoldDelivery: boolean }): ControlNotes | null {
  // The copies already on the message count too: the user should still see where it goes.
  const controls = sendControls(withoutAutoBcc(review.snapshot, review.policy), review.policy);
  if (controls.addBcc.length === 0 && controls.delayMinutes === 0) return null;
  return {
    bcc: controls.addBcc,
    holdMinutes: host.canHoldDelivery ? controls.delayMinutes : 0,
    holdUnavailable: !host.canHoldDelivery && controls.delayMinutes > 0,
  };
}
