// Reads one attachment's bytes as Office hands them over. Only file attachments come as base64; an attached
// mail item comes as `eml` text, a cloud attachment as a URL, which the handler reports instead of reading.
import { getAttachmentContent } from './item-calls.js';
import { callSettings, type CallOptions } from './timers.js';

export type AttachmentRead =
  | { readonly kind: 'base64'; readonly content: string }
  | { readonly kind: 'eml'; readonly content: string }
  | { readonly kind: 'unsupported'; readonly format: string };

export async function readAttachmentBase64(id: string, options?: CallOptions): Promise<AttachmentRead> {
  const result = await getAttachmentContent(id, callSettings(options));
  const format = String(result.format).toLowerCase();
  if (typeof result.content !== 'string') return { kind: 'unsupported', format };
  if (format === 'base64') return { kind: 'base64', content: result.content };
  if (format === 'eml') return { kind: 'eml', content: result.content };
  return { kind: 'unsupported', format };
}
