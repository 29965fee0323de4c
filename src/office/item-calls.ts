// One wrapper per Office method the add-in calls; everything above this file works with promises.
import type { RecipientField } from '../policy/index.js';
import { callOffice } from './office-call.js';
import { OfficeCallError } from './office-call-error.js';
import { isAppointment, officeHost, requireHost, requireItem, type RecipientsApi } from './office-host.js';
import type { CallSettings } from './timers.js';

/** Office rejects more than 100 recipients in one setAsync/addAsync (NumberOfRecipientsExceeded). */
export const MAX_RECIPIENTS_PER_CALL = 100;

export type RecipientInput = Office.EmailAddressDetails | Office.EmailUser;

/** A meeting's required and optional attendees stand where a message's To and Cc do. */
const ATTENDEES = { to: 'requiredAttendees', cc: 'optionalAttendees' } as const;

type RecipientsMethod = 'getAsync' | 'setAsync' | 'addAsync';

/** The list behind `field` on this item, and the name of the call for errors (`requiredAttendees.getAsync`). */
function recipientsOf(field: RecipientField, method: RecipientsMethod): { readonly operation: string; readonly api: RecipientsApi } {
  const item = requireItem(`${field}.${method}`);
  if (!isAppointment(item, `${field}.${method}`)) return { operation: `${field}.${method}`, api: item[field] };
  if (field === 'bcc') throw new OfficeCallError(`bcc.${method}`, 'unavailable', 'unavailable', 'a meeting has no Bcc');
  const name = ATTENDEES[field];
  return { operation: `${name}.${method}`, api: item[name] };
}

/** Only resolved recipients come back; an address still being typed is not in the list. */
export async function getRecipients(field: RecipientField, settings: CallSettings): Promise<Office.EmailAddressDetails[]> {
  const { operation, api } = recipientsOf(field, 'getAsync');
  return callOffice(operation, settings, (callback) => api.getAsync(callback));
}

export async function setRecipients(field: RecipientField, recipients: readonly RecipientInput[], settings: CallSettings): Promise<void> {
  const { operation, api } = recipientsOf(field, 'setAsync');
  return callOffice(operation, settings, (callback) => api.setAsync([...recipients], callback));
}

export async function addRecipients(field: RecipientField, recipients: readonly RecipientInput[], settings: CallSettings): Promise<void> {
  const { operation, api } = recipientsOf(field, 'addAsync');
  return callOffice(operation, settings, (callback) => api.addAsync([...recipients], callback));
}

/** True when the item being composed is a meeting: no Bcc, attendees instead of To and Cc. */
export function composingMeeting(): boolean {
  const host = officeHost();
  const item = host?.context.mailbox?.item;
  return item !== null && item !== undefined && isAppointment(item, 'itemType');
}

/** The sender, or a meeting's organiser; null when the client has neither (before Mailbox 1.7). */
export async function getFrom(settings: CallSettings): Promise<Office.EmailAddressDetails | null> {
  const item = requireItem('from.getAsync');
  const meeting = isAppointment(item, 'from.getAsync');
  const operation = meeting ? 'organizer.getAsync' : 'from.getAsync';
  const sender = meeting ? item.organizer : item.from;
  if (sender === undefined) return null;
  return callOffice(operation, settings, (callback) => sender.getAsync(callback));
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

export function getBodyHtml(settings: CallSettings): Promise<string> {
  const operation = 'body.getAsync';
  return callOffice(operation, settings, (callback) =>
    requireItem(operation).body.getAsync(requireHost(operation).CoercionType.Html, callback),
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
