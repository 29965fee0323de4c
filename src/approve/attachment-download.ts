// One attachment of the message to approve, saved through the browser. The server always answers
// application/octet-stream as an attachment (docs/approval.md), so nothing renders on this origin; the
// bytes go through a Blob because a plain link could not carry the bearer token. Fetched here rather than
// in src/api-client, which also compiles for classic Outlook's runtime, whose fetch has no binary answers.
import { ApiError, httpError } from '../api-client/index.js';
import { describeError } from '../policy/index.js';
import { approvalAttachmentPath } from '../protocol/index.js';

async function attachmentBytes(origin: string, token: string, id: string, index: number): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`${origin}${approvalAttachmentPath(id, index)}`, {
      headers: { Authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
  } catch (error) {
    throw new ApiError('network', describeError(error));
  }
  if (!response.ok) throw httpError(response.status, await response.text().catch(() => ''));
  try {
    return await response.blob();
  } catch (error) {
    throw new ApiError('network', describeError(error));
  }
}

export async function downloadAttachment(
  origin: string,
  token: string,
  id: string,
  attachment: { readonly index: number; readonly name: string },
): Promise<void> {
  const blob = await attachmentBytes(origin, token, id, attachment.index);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = attachment.name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the URL to the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
