// One wrapper per Office method the add-in calls; everything above this file works with promises.
import type { RecipientField } from '../policy/index.js';
import { callOffice } from './office-call.js';
import { OfficeCallError } from './office-call-error.js';
import { requireHost, requireItem } from './office-host.js';
import type { CallSettings } from './timers.js';

/** Office rejects more than 100 recipients in one setAsync/addAsync (NumberOfRecipientsExceeded). */
export const MAX_RECIPIENTS_PER_CALL = 100;

export type RecipientInput = Office.EmailAddressDetails | Office.EmailUser;

/** Only resolved recipients come back; an address still being typed is not in the list. */
export function getRecipients(field: RecipientField, settings: CallSettings): Promise<Office.EmailAddressDetails[]> {
  const operation = `${field}.getAsync`;
  return callOffice(operation, settings, (callback) => requireItem(operation)[field].getAsync(callback));
}

export function setRecipients(field: RecipientField, recipients: readonly RecipientInput[], settings: CallSettings): Promise<void> {
  const operation = `${field}.setAsync`;
  return callOffice(operation, settings, (callback) => requireItem(operation)[field].setAsync([...recipients], callback));
}

export function addRecipients(field: RecipientField, recipients: readonly RecipientInput[], settings: CallSettings): Promise<void> {
  const operation = `${field}.addAsync`;
  return callOffice(operation, settings, (callback) => requireItem(operation)[field].addAsync([...recipients], callback));
}

/** Null when the client has no `item.from` (before Mailbox 1.7). */
export async function getFrom(settings: CallSettings): Promise<Office.EmailAddressDetails | null> {
  const operation = 'from.getAsync';
  const from = requireItem(operation).from;
  if (from === undefined) return null;
  return callOffice(operation, settings, (callback) => from.getAsync(callback));
}

export function getSubject(settings: CallSettings): Promise<string> {
  const operation = 'subject.getAsync';
  return callOffice(operation, settings, (callback) => requireItem(operation).subject.getAsync(callback));
}

export function getBodyText(settings: CallSettings): Promise<string> {
  const operation = 'body.getAsync';
  return callOffice(operation, settings, (callback) =>
    requireItem(operation).body.getAsync(requireHost(operation).CoercionType.Text, callback),
  );
}

export function getBodyType(settings: CallSettings): Promise<Office.CoercionType> {
  const operation = 'body.getTypeAsync';
  return callOffice(operation, settings, (callback) => requireItem(operation).body.getTypeAsync(callback));
}

export function prependToBody(data: string, format: 'html' | 'text', settings: CallSettings): Promise<void> {
  const operation = 'body.prependAsync';
  const host = requireHost(operation);
  const coercionType = format === 'html' ? host.CoercionType.Html : host.CoercionType.Text;
  return callOffice(operation, settings, (callback) => requireItem(operation).body.prependAsync(data, { coercionType }, callback));
}

export function getAttachments(settings: CallSettings): Promise<Office.AttachmentDetailsCompose[]> {
  const operation = 'getAttachmentsAsync';
  return callOffice(operation, settings, (callback) => requireItem(operation).getAttachmentsAsync(callback));
}

/** The attachment's content as Office gives it: base64 for files, `eml` for items, `url` for cloud files. */
export function getAttachmentContent(id: string, settings: CallSettings): Promise<Office.AttachmentContent> {
  const operation = 'getAttachmentContentAsync';
  return callOffice(operation, settings, (callback) => requireItem(operation).getAttachmentContentAsync(id, callback));
}

/** Resolves to the new attachment's id. */
export function addFileAttachmentFromBase64(base64: string, name: string, settings: CallSettings): Promise<string> {
  const operation = 'addFileAttachmentFromBase64Async';
  return callOffice(operation, settings, (callback) => requireItem(operation).addFileAttachmentFromBase64Async(base64, name, callback));
}

export function removeAttachment(id: string, settings: CallSettings): Promise<void> {
  const operation = 'removeAttachmentAsync';
  return callOffice(operation, settings, (callback) => requireItem(operation).removeAttachmentAsync(id, callback));
}

/** Null when the client has no sessionData (before Mailbox 1.11). */
export async function getAllSessionData(settings: CallSettings): Promise<object | null> {
  const operation = 'sessionData.getAllAsync';
  const sessionData = requireItem(operation).sessionData;
  if (sessionData === undefined) return null;
  return callOffice(operation, settings, (callback) => sessionData.getAllAsync(callback));
}

export async function setSessionData(key: string, value: string, settings: CallSettings): Promise<void> {
  const operation = 'sessionData.setAsync';
  const sessionData = requireItem(operation).sessionData;
  if (sessionData === undefined) throw new OfficeCallError(operation, 'unavailable', 'unavailable', 'no sessionData (Mailbox 1.11)');
  return callOffice(operation, settings, (callback) => sessionData.setAsync(key, value, callback));
}

export function addItemHandler(eventType: Office.EventType, handler: () => void, settings: CallSettings): Promise<void> {
  const operation = `addHandlerAsync(${String(eventType)})`;
  return callOffice(operation, settings, (callback) => requireItem(operation).addHandlerAsync(eventType, handler, callback));
}

export function removeItemHandlers(eventType: Office.EventType, settings: CallSettings): Promise<void> {
  const operation = `removeHandlerAsync(${String(eventType)})`;
  return callOffice(operation, settings, (callback) => requireItem(operation).removeHandlerAsync(eventType, callback));
}
