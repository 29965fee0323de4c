// The send handler's part of content inspection: subject and body now, attachments from what the attachments
// handler or the review pane cached. It never reads attachment content at send: getAttachmentContentAsync can
// take seconds there (research/competitors.md, M4 #4297), so an attachment without a cached outcome counts as
// pending and the policy decides what that means. summarizeMessage is the pane's builder too, so both sides
// compute the same verdict and fingerprint.
import { summarizeMessage } from '../inspect/message-summary.js';
import type { AttachmentInspection, InspectionSummary, MessageSnapshot } from '../policy/index.js';

export function inspectMessage(snapshot: MessageSnapshot, cached: readonly AttachmentInspection[]): InspectionSummary {
  return summarizeMessage(snapshot, cached);
}
