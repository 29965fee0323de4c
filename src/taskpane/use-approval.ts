// The sender's side of supervisor approval in the pane: what is needed, the request, and the decision
// as it arrives (polling while it waits). Approving itself reaches the verdict through the check
// (findApprovalInPane); this hook shows everything before that.
import { useCallback, useEffect, useRef, useState } from 'react';
import { approversFor } from '../policy/index.js';
import type { ApprovalRequestView } from '../protocol/index.js';
import { askForApproval } from './approval-commands.js';
import { APPROVAL_IDLE, APPROVAL_POLL_MS, type ApprovalPaneState, type KnownRequest } from './approval-state.js';
import type { OfficeQueue } from './office-queue.js';
import type { PaneGateway } from './pane-gateway.js';
import type { Review } from './review-session.js';

export interface ApprovalControls {
  readonly state: ApprovalPaneState;
  request(): void;
}

function known(view: Pick<ApprovalRequestView, 'id' | 'approvers' | 'expiresAt' | 'decidedBy' | 'comment'>): KnownRequest {
  return { id: view.id, approvers: view.approvers, expiresAt: view.expiresAt, decidedBy: view.decidedBy, comment: view.comment };
}

function stateOf(view: ApprovalRequestView, pageUrl: string): ApprovalPaneState {
  switch (view.status) {
    case 'rejected':
      return { kind: 'rejected', request: known(view) };
    case 'expired':
      return { kind: 'expired', request: known(view) };
    // Approved shows as waiting until the check has verified the signature and the verdict says so.
    default:
      return { kind: 'pending', request: known(view), mailed: true, pageUrl };
  }
}

/** Every item call goes through the pane's `queue`; `refresh` re-checks the item once an approval arrived or the message changed. */
export function useApproval(gateway: PaneGateway, review: Review | null, queue: OfficeQueue, refresh: () => void): ApprovalControls {
  const [state, setState] = useState<ApprovalPaneState>(APPROVAL_IDLE);
  const current = useRef(review);
  current.current = review;
  const fingerprint = review?.approvalFingerprint ?? null;
  const approver = review?.approval?.approver ?? null;

  useEffect(() => {
    const seen = current.current;
    const approval = seen?.policy.approval ?? null;
    if (seen === null || fingerprint === null || approval === null) return setState(APPROVAL_IDLE);
    if (approver !== null) return setState({ kind: 'approved', approver });
    const approvers = approversFor(approval, seen.snapshot.from?.address);
    if (approvers.length === 0) return setState({ kind: 'unavailable', reason: 'no-approver' });
    let cancelled = false;
    void (async () => {
      const key = await gateway.approvalKey().catch(() => null);
      if (key === null) {
        if (!cancelled) setState({ kind: 'unavailable', reason: 'server' });
        return;
      }
      const record = await queue.run(() => gateway.readApprovalRecord()).catch(() => null);
      const mine = record !== null && record.fingerprint === fingerprint;
      const view = await (mine ? gateway.readApprovalRequest(record.requestId) : gateway.latestApprovalRequest(fingerprint)).catch(
        () => null,
      );
      if (cancelled) return;
      setState(
        view === null
          ? { kind: 'needed', approvers, note: record !== null && !mine ? 'stale' : null }
          : stateOf(view, gateway.approvalPageUrl(view.id)),
      );
    })();
    return () => {
      cancelled = true;
    };
  }, [gateway, fingerprint, approver]);

  const pendingId = state.kind === 'pending' ? state.request.id : null;
  useEffect(() => {
    if (pendingId === null) return;
    let asked = false;
    const timer = setInterval(() => {
      void gateway.readApprovalRequest(pendingId).then(
        (view) => {
          if (view.status === 'approved') {
            // Once: the check verifies the signed approval, keeps it on the item and lifts the block.
            if (!asked) refresh();
            asked = true;
          } else if (view.status !== 'pending') {
            setState(stateOf(view, gateway.approvalPageUrl(view.id)));
          }
        },
        // A missed poll is retried by the next one.
        () => undefined,
      );
    }, APPROVAL_POLL_MS);
    return () => clearInterval(timer);
  }, [gateway, pendingId, refresh]);

  // Outlook raises no event when the subject or body changes, yet an approval covers both: while one is
  // awaited or held, the pane looks every poll and re-checks once they differ from what was checked.
  const watching = state.kind === 'pending' || state.kind === 'approved';
  useEffect(() => {
    if (!watching) return;
    // One look at a time: behind a long protection in the queue, polls would otherwise pile up.
    let looking = false;
    const timer = setInterval(() => {
      const checked = current.current?.snapshot;
      if (checked === undefined || looking) return;
      looking = true;
      void queue
        .run(() => gateway.readSnapshot())
        .then(
          (now) => {
            if (now.subject !== checked.subject || now.body !== checked.body) refresh();
          },
          () => undefined,
        )
        .finally(() => {
          looking = false;
        });
    }, APPROVAL_POLL_MS);
    return () => clearInterval(timer);
  }, [gateway, queue, watching, refresh]);

  const request = useCallback(() => {
    void queue.run(async () => {
      const checked = current.current;
      if (checked === null || checked.policy.approval === null || checked.approvalFingerprint === null) return;
      setState({ kind: 'requesting' });
      const next = await askForApproval(gateway, checked);
      setState(next);
      if (next.kind === 'needed') refresh();
    });
  }, [gateway, queue, refresh]);

  return { state, request };
}
