// What the pane changes in the item's attachments when it protects them, and the separate message it
// opens for a password. Never called from a launch-event handler (displayNewMessageForm is pane-only).
import { addFileAttachmentFromBase64, getBodyType, prependToBody, removeAttachment as removeAttachmentCall } from './item-calls.js';
import { OfficeCallError } from './office-call-error.js';
import { requireHost } from './office-host.js';
import { callSettings, type CallOptions } from './timers.js';

/** Resolves to the new attachment's id once Outlook has it. */
export function addAttachmentFromBase64(base64: string, name: string, options?: CallOptions): Promise<string> {
  return addFileAttachmentFromBase64(base64, name, callSettings(options));
}

export function removeAttachment(id: string, options?: CallOptions): Promise<void> {
  return removeAttachmentCall(id, callSettings(options));
}

/** The same block in both forms: Outlook refuses HTML in a plain-text body. */
export interface BodyBlock {
  readonly html: string;
  readonly text: string;
}

/** Puts the block at the top of the body, in the body's own format; resolves to the format used. */
export async function prependBodyBlock(block: BodyBlock, options?: CallOptions): Promise<'html' | 'text'> {
  const settings = callSettings(options);
  const format = String(await getBodyType(settings)) === 'html' ? 'html' : 'text';
  await prependToBody(format === 'html' ? block.html : block.text, format, settings);
  return format;
}

export interface NewMessageForm {
  readonly toRecipients: readonly string[];
  readonly ccRecipients: readonly string[];
  readonly subject: string;
  readonly htmlBody: string;
}

/** Opens a new compose window for the user to check and send; nothing is sent automatically. */
export function openNewMessage(form: NewMessageForm): void {
  const operation = 'displayNewMessageForm';
  const display = requireHost(operation).context.mailbox.displayNewMessageForm;
  if (display === undefined) throw new OfficeCallError(operation, 'unavailable', 'unavailable', 'this client cannot open a new message');
  display({ toRecipients: [...form.toRecipients], ccRecipients: [...form.ccRecipients], subject: form.subject, htmlBody: form.htmlBody });
}
