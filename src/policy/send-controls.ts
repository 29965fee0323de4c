// What the organisation adds to a send the check lets go: a hold (delaySend) and automatic Bcc (autoBcc).
// Pure: the handler reads the item and the clock, this decides, the handler writes (docs/policy.md).
import { classifyRecipients } from './classify.js';
import { normalizeAddress } from './domain.js';
import type { ControlScope, MessageSnapshot, Policy } from './types.js';

export interface SendControls {
  /** Minutes to hold the message before it leaves; 0 for none. */
  readonly delayMinutes: number;
  /** The autoBcc addresses not yet on the message, to add to Bcc. */
  readonly addBcc: readonly string[];
}

export const NO_CONTROLS: SendControls = Object.freeze({ delayMinutes: 0, addBcc: Object.freeze([]) as readonly string[] });

/**
 * The message without the autoBcc copies in Bcc: what the user wrote and confirms. The check evaluates
 * this, so a copy the handler added never changes the fingerprint nor counts as a recipient.
 */
export function withoutAutoBcc(snapshot: MessageSnapshot, policy: Policy): MessageSnapshot {
  if (policy.autoBcc.addresses.length === 0 || snapshot.bcc.length === 0) return snapshot;
  const automatic = new Set(policy.autoBcc.addresses);
  const bcc = snapshot.bcc.filter((recipient) => !automatic.has(normalizeAddress(recipient.address) ?? ''));
  return bcc.length === snapshot.bcc.length ? snapshot : { ...snapshot, bcc };
}

/** A meeting request gets none: attendees must get it now, and it has no Bcc. */
export function sendControls(snapshot: MessageSnapshot, policy: Policy): SendControls {
  if (snapshot.kind === 'meeting') return NO_CONTROLS;
  const written = withoutAutoBcc(snapshot, policy);
  const external = classifyRecipients(written, policy).some((entry) => entry.external);
  const applies = (scope: ControlScope): boolean => scope === 'always' || external;
  const delayMinutes = applies(policy.delaySend.when) ? policy.delaySend.minutes : 0;
  const present = new Set<string>();
  for (const recipient of [...snapshot.to, ...snapshot.cc, ...snapshot.bcc]) present.add(normalizeAddress(recipient.address) ?? '');
  const addBcc = applies(policy.autoBcc.when) ? policy.autoBcc.addresses.filter((address) => !present.has(address)) : [];
  return delayMinutes === 0 && addBcc.length === 0 ? NO_CONTROLS : { delayMinutes, addBcc };
}

/**
 * When a held message should leave: now plus the hold, unless the user already chose a later time
 * (null: leave the item as it is). `chosenMs` is 0 when no time is set, as Office reports it.
 */
export function holdUntil(nowMs: number, minutes: number, chosenMs: number): number | null {
  if (minutes <= 0) return null;
  const until = nowMs + minutes * 60_000;
  return chosenMs >= until ? null : until;
}
