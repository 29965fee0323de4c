// What the approver's page shows, as data: the request, the message (or why it is not there), and the
// decision in progress. The hook (use-approval-page.ts) moves between these; the components only read them.
import type { ApprovalDecision, ApprovalMessage, ApprovalRequestView } from '../protocol/index.js';
import type { PageText } from './page-text.js';
import type { Problem } from './problem.js';

export type MessageState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'shown'; readonly message: ApprovalMessage }
  | { readonly kind: 'absent'; readonly problem: Problem };

export type DecisionState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending'; readonly decision: ApprovalDecision }
  | { readonly kind: 'done'; readonly decision: ApprovalDecision }
  | { readonly kind: 'refused'; readonly decision: ApprovalDecision; readonly problem: Problem };

export type PageState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly problem: Problem }
  | { readonly phase: 'ready'; readonly request: ApprovalRequestView; readonly message: MessageState; readonly decision: DecisionState };

/** A sender or a stranger never gets working buttons: the server would refuse them anyway. */
function mayDecide(message: MessageState): boolean {
  return message.kind !== 'absent' || (message.problem.kind !== 'sender' && message.problem.kind !== 'not-approver');
}

/** Whether the Approve and Reject buttons are shown. */
export function decisionOpen(state: PageState): boolean {
  return state.phase === 'ready' && state.request.status === 'pending' && state.decision.kind !== 'done' && mayDecide(state.message);
}

/** Reject needs a comment (the sender must learn what to change); approve does not. */
export function decisionRefusal(decision: ApprovalDecision, comment: string): 'approve.decision.commentRequired' | null {
  return decision === 'reject' && comment.trim() === '' ? 'approve.decision.commentRequired' : null;
}

/** The status line: pending, who decided and when, or when it expired. */
export function statusLine(request: ApprovalRequestView, text: PageText): string {
  const approver = request.decidedBy ?? '?';
  const time = text.time(request.decidedAt ?? request.expiresAt);
  switch (request.status) {
    case 'pending':
      return text('approve.status.pending');
    case 'approved':
      return text('approve.status.approved', { approver, time });
    case 'rejected':
      return text('approve.status.rejected', { approver, time });
    case 'expired':
      return text('approve.status.expired', { time: text.time(request.expiresAt) });
  }
}
