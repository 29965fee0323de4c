/**
 * The one key for an attachment wherever attachments are paired: checklist rows, finding ids, inspection
 * outcomes, the pane's rows. Name and size, with the size last: a name may hold `:`, but a number's
 * decimal form never does, so the last `:` ends the name and two attachments share a key only when both
 * name and size are the same. The key is part of finding and checklist ids, and so of the fingerprint
 * approvals are signed over (docs/approval.md): keep its format.
 */
export function attachmentKey(attachment: { readonly name: string; readonly size: number }): string {
  return `${attachment.name}:${attachment.size}`;
}
