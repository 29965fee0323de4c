// The Office calls behind the organisation's controls at Send: the hold (Mailbox 1.13) and the X-Preflight
// internet header (Mailbox 1.8); automatic Bcc is a recipient edit (recipient-edits.ts). Messages only.
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

export async function setInternetHeader(name: string, value: string, options?: CallOptions): Promise<void> {
  const operation = 'internetHeaders.setAsync';
  const api = messageItem(operation).internetHeaders;
  if (api === undefined) throw new OfficeCallError(operation, 'unavailable', 'unavailable', 'Mailbox 1.8 is not supported');
  await callOffice<void>(operation, callSettings(options), (callback) => api.setAsync({ [name]: value }, callback));
}
