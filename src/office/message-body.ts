// The body as the author wrote it, for a supervisor who approves the message (docs/approval.md): HTML
// when the item is HTML, so they see what the recipients will see.
import { getBodyHtml, getBodyText, getBodyType } from './item-calls.js';
import { callSettings, type CallOptions } from './timers.js';

export interface MessageBody {
  readonly kind: 'html' | 'text';
  readonly text: string;
}

export async function readMessageBody(options?: CallOptions): Promise<MessageBody> {
  const settings = callSettings(options);
  const html = String(await getBodyType(settings)) === 'html';
  return html ? { kind: 'html', text: await getBodyHtml(settings) } : { kind: 'text', text: await getBodyText(settings) };
}
