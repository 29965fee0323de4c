// Where the sender's approval request stands, as the pane shows it (docs/approval.md).
import type { ApiFailureCode } from './api-failure.js';

/** A request as the pane knows it from the server. */
export interface KnownRequest {
  readonly id: string;
  readonly approvers: readonly string[];
  readonly expiresAt: string;
  readonly decidedBy: string | null;
  readonly comment: string | null;
}

export type ApprovalPaneState =
  /** The message needs no approval, or nothing is known yet. */
  | { readonly kind: 'idle' }
  | { readonly kind: 'approved'; readonly approver: string }
  /**
   * Approval is needed and nothing was asked for this content yet. `note`: `stale`, an earlier request was
   * for other content; `changed`, the message changed while the request was prepared, so none was made.
   */
  | { readonly kind: 'needed'; readonly approvers: readonly string[]; readonly note: 'stale' | 'changed' | null }
  /** Approval is needed and the server is being asked where it stands for this content. */
  | { readonly kind: 'checking' }
  | { readonly kind: 'requesting' }
  /** `mailed` false: the approvers were not mailed, so the sender passes the link on (`pageUrl`). */
  | { readonly kind: 'pending'; readonly request: KnownRequest; readonly mailed: boolean; readonly pageUrl: string }
  | { readonly kind: 'rejected'; readonly request: KnownRequest }
  | { readonly kind: 'expired'; readonly request: KnownRequest }
  /** The server cannot take approvals (not in secure-link mode), or the policy names no approver for this sender. */
  | { readonly kind: 'unavailable'; readonly reason: 'server' | 'no-approver' }
  | { readonly kind: 'failed'; readonly detail: string; readonly cause: ApiFailureCode | null };

export const APPROVAL_IDLE: ApprovalPaneState = { kind: 'idle' };

/** While the request waits, the pane asks this often; an approver's decision shows within this. */
export const APPROVAL_POLL_MS = 4_000;

/** The states in which the sender can ask (again). */
export function canRequest(state: ApprovalPaneState): boolean {
  return state.kind === 'needed' || state.kind === 'rejected' || state.kind === 'expired' || state.kind === 'failed';
}
