// Changes the pane applies to the recipient lists.
//
// Office has no "remove one recipient": the only way is setAsync with the list that remains. getAsync
// returns resolved recipients only, and a personal contact list without an SMTP address makes setAsync
// fail (https://github.com/OfficeDev/office-js/issues/4661), so a list is rewritten only when it really
// changes, from the details Office gave us, and a failure leaves the list as it was.
import { normalizeAddress, type RecipientField } from '../policy/index.js';
import {
  addRecipients,
  composingMeeting,
  getRecipients,
  MAX_RECIPIENTS_PER_CALL,
  setRecipients,
  type RecipientInput,
} from './item-calls.js';
import { OfficeCallError } from './office-call-error.js';
import { callSettings, type CallOptions, type CallSettings } from './timers.js';

/**
 * Moves each address found in To or Cc to Bcc. Addresses not in To/Cc are ignored. A meeting has no Bcc:
 * there it rejects at once, before anything changes, with an OfficeCallError (`bcc.addAsync`, unavailable).
 */
export async function moveToBcc(addresses: readonly string[], options?: CallOptions): Promise<void> {
  if (composingMeeting()) throw new OfficeCallError('bcc.addAsync', 'unavailable', 'unavailable', 'a meeting has no Bcc');
  const settings = callSettings(options);
  const wanted = new Set(addresses.map(addressKey));
  wanted.delete('');
  if (wanted.size === 0) return;
  const [to, cc, bcc] = await Promise.all([getRecipients('to', settings), getRecipients('cc', settings), getRecipients('bcc', settings)]);
  const alreadyInBcc = new Set(bcc.map(detailsKey));
  const adding = new Map<string, Office.EmailUser>();
  for (const details of [...to, ...cc]) {
    const key = detailsKey(details);
    if (wanted.has(key) && !alreadyInBcc.has(key) && !adding.has(key)) {
      adding.set(key, { displayName: details.displayName ?? '', emailAddress: details.emailAddress });
    }
  }
  // Bcc first: should a later call fail, the recipient is on the message twice, never lost.
  await appendRecipients('bcc', [...adding.values()], settings);
  await rewriteWithout('to', to, wanted, settings);
  await rewriteWithout('cc', cc, wanted, settings);
}

/**
 * Adds each address not yet in Bcc (policy autoBcc); the display name is the address, as Outlook shows an
 * unresolved one. A meeting has no Bcc: rejects as moveToBcc does.
 */
export async function addToBcc(addresses: readonly string[], options?: CallOptions): Promise<void> {
  if (composingMeeting()) throw new OfficeCallError('bcc.addAsync', 'unavailable', 'unavailable', 'a meeting has no Bcc');
  const settings = callSettings(options);
  const present = new Set((await getRecipients('bcc', settings)).map(detailsKey));
  const adding = addresses.filter((address, index) => !present.has(addressKey(address)) && addresses.indexOf(address) === index);
  await appendRecipients(
    'bcc',
    adding.map((address) => ({ displayName: address, emailAddress: address })),
    settings,
  );
}

/** Removes every entry of `address` from one field; nothing happens when it is not there. */
export async function removeRecipient(address: string, field: RecipientField, options?: CallOptions): Promise<void> {
  const key = addressKey(address);
  if (key === '') return;
  const settings = callSettings(options);
  const current = await getRecipients(field, settings);
  await rewriteWithout(field, current, new Set([key]), settings);
}

async function rewriteWithout(
  field: RecipientField,
  current: readonly Office.EmailAddressDetails[],
  removing: ReadonlySet<string>,
  settings: CallSettings,
): Promise<void> {
  const remaining = current.filter((details) => !removing.has(detailsKey(details)));
  if (remaining.length === current.length) return;
  await setRecipients(field, remaining.slice(0, MAX_RECIPIENTS_PER_CALL), settings);
  await appendRecipients(field, remaining.slice(MAX_RECIPIENTS_PER_CALL), settings);
}

async function appendRecipients(field: RecipientField, recipients: readonly RecipientInput[], settings: CallSettings): Promise<void> {
  for (let start = 0; start < recipients.length; start += MAX_RECIPIENTS_PER_CALL) {
    await addRecipients(field, recipients.slice(start, start + MAX_RECIPIENTS_PER_CALL), settings);
  }
}

function detailsKey(details: Office.EmailAddressDetails): string {
  return addressKey(details.emailAddress ?? '');
}

function addressKey(address: string): string {
  const trimmed = address.trim();
  return normalizeAddress(trimmed) ?? trimmed.toLowerCase();
}
