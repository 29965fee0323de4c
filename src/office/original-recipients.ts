import { recordOriginalRecipients } from './session-data.js';
import { readCurrentRecipients } from './snapshot.js';
import { callSettings, type CallOptions } from './timers.js';

/**
 * Records who a reply or forward started with (OnNewMessageCompose), so that the rules can tell a
 * recipient the user added from one that was already on the thread. Returns how many were recorded.
 */
export async function captureOriginalRecipients(options?: CallOptions): Promise<number> {
  const settings = callSettings(options);
  const recipients = await readCurrentRecipients(settings);
  await recordOriginalRecipients(recipients, settings);
  return recipients.length;
}
