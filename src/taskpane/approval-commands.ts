// The sender's approval commands, apart from React so that they can be tested on the Office fake
// (docs/approval.md, "The flow"). Each runs inside the pane's queue (src/taskpane/office-queue.ts).
import { approversFor } from '../policy/index.js';
import type { ApprovalRequestView } from '../protocol/index.js';
import { approvalRequest, type ApprovalAttachmentFile } from './approval-request.js';
import { APPROVAL_IDLE, type ApprovalPaneState, type KnownRequest } from './approval-state.js';
import { failureOf } from './error-detail.js';
import type { OfficeQueue } from './office-queue.js';
import type { PaneGateway } from './pane-gateway.js';
import type { Review } from './review-session.js';

function knownRequest(view: Pick<ApprovalRequestView, 'id' | 'approvers' | 'expiresAt' | 'decidedBy' | 'comment'>): KnownRequest {
  return { id: view.id, approvers: view.approvers, expiresAt: view.expiresAt, decidedBy: view.decidedBy, comment: view.comment };
}

/** The state a request the server answered shows. */
export function approvalStateOf(view: ApprovalRequestView, pageUrl: string): ApprovalPaneState {
  switch (view.status) {
    case 'rejected':
      return { kind: 'rejected', request: knownRequest(view) };
    case 'expired':
      return { kind: 'expired', request: knownRequest(view) };
    // Approved shows as waiting until the check has verified the signature and the verdict says so.
    default:
      return { kind: 'pending', request: knownRequest(view), mailed: true, pageUrl };
  }
}

/** What the pane shows for `checked` without asking the server; null when the server must be asked. */
function knownWithoutServer(checked: Review | null): ApprovalPaneState | null {
  const approval = checked?.policy.approval ?? null;
  if (checked === null || approval === null || checked.approvalFingerprint === null) return APPROVAL_IDLE;
  if (checked.approval !== null) return { kind: 'approved', approver: checked.approval.approver };
  const approvers = approversFor(approval, checked.snapshot.from?.address);
  return approvers.length === 0 ? { kind: 'unavailable', reason: 'no-approver' } : null;
}

/**
 * Finds where approval of `checked` stands and shows it through `show`; answers the function that stops
 * it. Until the server answers (up to its timeouts) it says it is checking rather than what it showed for
 * the content checked before, which may have been "Approved by …"; the section stays, and the focus in it.
 */
export function lookUpApproval(
  gateway: PaneGateway,
  queue: OfficeQueue,
  checked: Review | null,
  show: (state: ApprovalPaneState) => void,
): () => void {
  const approval = checked?.policy.approval ?? null;
  const fingerprint = checked?.approvalFingerprint ?? null;
  const known = knownWithoutServer(checked);
  if (known !== null || checked === null || approval === null || fingerprint === null) {
    show(known ?? APPROVAL_IDLE);
    return () => undefined;
  }
  const approvers = approversFor(approval, checked.snapshot.from?.address);
  show({ kind: 'checking' });
  let cancelled = false;
  void (async () => {
    const key = await gateway.approvalKey().catch(() => null);
    if (key === null) {
      if (!cancelled) show({ kind: 'unavailable', reason: 'server' });
      return;
    }
    const record = await queue.run(() => gateway.readApprovalRecord()).catch(() => null);
    const mine = record !== null && record.fingerprint === fingerprint;
    const view = await (mine ? gateway.readApprovalRequest(record.requestId) : gateway.latestApprovalRequest(fingerprint)).catch(
      () => null,
    );
    if (cancelled) return;
    show(
      view === null
        ? { kind: 'needed', approvers, note: record !== null && !mine ? 'stale' : null }
        : approvalStateOf(view, gateway.approvalPageUrl(view.id)),
    );
  })();
  return () => {
    cancelled = true;
  };
}

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
