// The Office calls behind the organisation's controls at Send: the hold (Mailbox 1.13), automatic Bcc and
// the X-Preflight internet header (Mailbox 1.8). Messages only: a meeting has none of them here.
import { normalizeAddress } from '../policy/index.js';
import { addRecipients, getRecipients } from './item-calls.js';
import { callOffice } from './office-call.js';
import { OfficeCallError } from './office-call-error.js';
import { isAppointment, requireItem, type MessageItem } from './office-host.js';
import { callSettings, type CallOptions } from './timers.js';

function messageItem(operation: string): MessageItem {
  const item = requireItem(operation);
  if (isAppointment(item, operation)) throw new OfficeCallError(operation, 'unavailable', 'unavailable', 'not on a meeting request');
  return item;
}

/** When the message is set to leave, in ms since the epoch; 0 when it leaves at Send (Office reports 0). */
export async function readDelayDelivery(options?: CallOptions): Promise<number> {
  const operation = 'delayDeliveryTime.getAsync';
  const api = messageItem(operation).delayDeliveryTime;
  if (api === undefined) throw new OfficeCallError(operation, 'unavailable', 'unavailable', 'Mailbox 1.13 is not supported');
  const value = await callOffice<Date | 0>(operation, callSettings(options), (callback) => api.getAsync(callback));
  return value === 0 ? 0 : new Date(value).getTime();
}

/** The message leaves at `atMs` instead of now; the server holds it (https://learn.microsoft.com/office/dev/add-ins/outlook/delay-delivery). */
export async function setDelayDelivery(atMs: number, options?: CallOptions): Promise<void> {
  const operation = 'delayDeliveryTime.setAsync';
  const api = messageItem(operation).delayDeliveryTime;
  if (api === undefined) throw new OfficeCallError(operation, 'unavailable', 'unavailable', 'Mailbox 1.13 is not supported');
  await callOffice<void>(operation, callSettings(options), (callback) => api.setAsync(new Date(atMs), callback));
}

/** Adds each address not yet in Bcc; the display name is the address, as Outlook shows an unresolved one. */
export async function addToBcc(addresses: readonly string[], options?: CallOptions): Promise<void> {
  messageItem('bcc.addAsync');
  const settings = callSettings(options);
  const present = new Set((await getRecipients('bcc', settings)).map((details) => normalizeAddress(details.emailAddress) ?? ''));
  const adding = addresses.filter((address) => !present.has(normalizeAddress(address) ?? address));
  if (adding.length === 0) return;
  await addRecipients('bcc', adding.map((address) => ({ displayName: address, emailAddress: address })), settings);
}

export async function setInternetHeader(name: string, value: string, options?: CallOptions): Promise<void> {
  const operation = 'internetHeaders.setAsync';
  const api = messageItem(operation).internetHeaders;
  if (api === undefined) throw new OfficeCallError(operation, 'unavailable', 'unavailable', 'Mailbox 1.8 is not supported');
  await callOffice<void>(operation, callSettings(options), (callback) => api.setAsync({ [name]: value }, callback));
}
