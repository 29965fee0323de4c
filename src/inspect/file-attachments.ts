// The file attachments of a message read from a mail file (the CLI's `check`, the console's dry-run): each
// inspected once, inline images left to the body as at Send. Decoding and inspecting are the caller's,
// so Node and the browser each use their own.
import { attachmentKey, type AttachmentInspection, type AttachmentSnapshot } from '../policy/index.js';

export type AttachmentInspector = (
  attachment: { readonly name: string; readonly size: number },
  bytes: Uint8Array,
) => Promise<AttachmentInspection>;

export async function inspectFileAttachments(
  attachments: readonly AttachmentSnapshot[],
  decodeBase64: (base64: string) => Uint8Array,
  inspect: AttachmentInspector,
): Promise<AttachmentInspection[]> {
  const outcomes = new Map<string, AttachmentInspection>();
  for (const attachment of attachments) {
    const key = attachmentKey(attachment);
    if (attachment.inline || attachment.contentBase64 === undefined || outcomes.has(key)) continue;
    outcomes.set(key, await inspect(attachment, decodeBase64(attachment.contentBase64)));
  }
  return [...outcomes.values()];
}
