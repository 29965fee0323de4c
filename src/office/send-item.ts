// item.sendAsync from the review pane (Mailbox 1.15, ReadWriteMailbox). Microsoft documents that code
// after it, and in its success callback, may never run, because the item may already be gone:
// https://learn.microsoft.com/javascript/api/outlook/office.messagecompose#outlook-office-messagecompose-sendasync-member(1)
// so the confirmation must be recorded before this is called. OnMessageSend still runs for the send.
import { supportsMailbox } from './host-info.js';
import { callOffice } from './office-call.js';
import { OfficeCallError } from './office-call-error.js';
import { officeHost, requireItem } from './office-host.js';
import { callSettings, type CallOptions } from './timers.js';

/** Whether this client can send from the pane at all; the permission itself only shows when it is tried. */
export function canSendItem(): boolean {
  return supportsMailbox('1.15') && typeof officeHost()?.context.mailbox.item?.sendAsync === 'function';
}

export function sendItem(options?: CallOptions): Promise<void> {
  const operation = 'item.sendAsync';
  return callOffice(operation, callSettings(options), (callback) => {
    const item = requireItem(operation);
    if (item.sendAsync === undefined) throw new OfficeCallError(operation, 'unavailable', 'unavailable', 'item.sendAsync is not available');
    item.sendAsync({}, callback);
  });
}
