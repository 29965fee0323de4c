// The sender's approval commands, apart from React so that they can be tested on the Office fake
// (docs/approval.md, "The flow"). Each runs inside the pane's queue (src/taskpane/office-queue.ts).
import { approversFor } from '../policy/index.js';
import { approvalRequest, type ApprovalAttachmentFile } from './approval-request.js';
import type { ApprovalPaneState } from './approval-state.js';
import { failureOf } from './error-detail.js';
import type { PaneGateway } from './pane-gateway.js';
import type { Review } from './review-session.js';

async function attachmentFiles(gateway: PaneGateway, review: Review): Promise<ApprovalAttachmentFile[]> {
  const files: ApprovalAttachmentFile[] = [];
  for (const attachment of review.snapshot.attachments) {
    if (attachment.inline || attachment.id === undefined) continue;
    const read = await gateway.readAttachmentBase64(attachment.id);
    if (read.kind !== 'base64' || read.content === undefined) throw new Error(`${attachment.name}: ${read.kind}`);
    files.push({ name: attachment.name, base64: read.content });
  }
  return files;
}

/**
 * Whether the item still has the subject and body the approval fingerprint was computed from. Outlook
 * raises no event when they change (docs/approval.md), so the body uploaded could otherwise be one the
 * approval does not cover.
 */
async function stillAsChecked(gateway: PaneGateway, checked: Review): Promise<boolean> {
  const now = await gateway.readSnapshot();
  return now.subject === checked.snapshot.subject && now.body === checked.snapshot.body;
}

/**
 * Asks for approval of `checked` and answers the state to show. The body is uploaded only when the item,
 * read right after it, still has the body the fingerprint covers; otherwise nothing is asked and the
 * state says the message changed, for the caller to check it again.
 */
export async function askForApproval(gateway: PaneGateway, checked: Review): Promise<ApprovalPaneState> {
  const approval = checked.policy.approval;
  const fingerprint = checked.approvalFingerprint;
  if (approval === null || fingerprint === null) return { kind: 'idle' };
  const approvers = approversFor(approval, checked.snapshot.from?.address);
  try {
    // One after the other: item calls in one queued task must not overlap either.
    const body = approval.includeContent ? await gateway.readMessageBody() : null;
    if (body !== null && !(await stillAsChecked(gateway, checked))) return { kind: 'needed', approvers, note: 'changed' };
    const attachments = approval.includeContent ? await attachmentFiles(gateway, checked) : [];
    const policy = { ...checked.policy, approval };
    const created = await gateway.requestApproval(
      approvalRequest({ policy, snapshot: checked.snapshot, verdict: checked.verdict, fingerprint, body, attachments }),
    );
    await gateway.recordApproval({ requestId: created.id, fingerprint, token: null });
    return {
      kind: 'pending',
      request: { id: created.id, approvers, expiresAt: created.expiresAt, decidedBy: null, comment: null },
      mailed: created.mailed,
      pageUrl: gateway.approvalPageUrl(created.id),
    };
  } catch (error) {
    return { kind: 'failed', ...failureOf(error) };
  }
}
