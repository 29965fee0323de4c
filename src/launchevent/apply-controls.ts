// Carries out what the plan adds to a send that may go: the automatic Bcc copies, the hold and the
// X-Preflight header, side by side so the three calls cost one round trip's time. Any failure rejects,
// and the handler then does what the policy's onError says (docs/policy.md "autoBcc").
import { PREFLIGHT_HEADER } from '../check/index.js';
import {
  addToBcc,
  readDelayDelivery,
  readRecordedHold,
  recordHold,
  setDelayDelivery,
  setInternetHeader,
  supportsMailbox,
  type CallOptions,
} from '../office/index.js';
import { describeError, holdUntil, type SendControls } from '../policy/index.js';

export interface AppliedControls {
  /** When the held message leaves; null when it leaves at once or at a later time the user chose. */
  readonly heldUntilMs: number | null;
}

export async function applyControls(
  controls: SendControls,
  header: string | null,
  nowMs: number,
  options: CallOptions,
): Promise<AppliedControls> {
  const [heldUntilMs] = await Promise.all([
    hold(controls.delayMinutes, nowMs, options),
    controls.addBcc.length > 0 ? addToBcc(controls.addBcc, options) : Promise.resolve(),
    header === null ? Promise.resolve() : setInternetHeader(PREFLIGHT_HEADER, header, options),
  ]);
  return { heldUntilMs };
}

async function hold(minutes: number, nowMs: number, options: CallOptions): Promise<number | null> {
  if (minutes <= 0) {
    // Setting a time already past is not documented (the reference asks for a future one): a client that
    // refuses it leaves the hold as it was, as before this release existed, rather than stopping the mail.
    if (supportsMailbox('1.13'))
      await releaseOwnHold(nowMs, options).catch((error: unknown) => console.warn('Preflight: hold not taken back', describeError(error)));
    return null;
  }
  const until = holdUntil(nowMs, minutes, await readDelayDelivery(options));
  if (until === null) return null;
  // Recorded so that a later Send of this draft that needs no hold can take it back (releaseOwnHold); a
  // record that cannot be kept only leaves that undone, so it never stops this send.
  await Promise.all([setDelayDelivery(until, options), recordHold(until, options).catch(() => undefined)]);
  return until;
}

/**
 * A hold set before a Send Anyway dialog stays on the draft when the user pressed Don't Send; if the draft
 * is sent again without needing one, it leaves now (a time already past), unless the user changed the time.
 */
async function releaseOwnHold(nowMs: number, options: CallOptions): Promise<void> {
  const recorded = await readRecordedHold(options);
  if (recorded === null || recorded !== (await readDelayDelivery(options))) return;
  await setDelayDelivery(nowMs, options);
}
