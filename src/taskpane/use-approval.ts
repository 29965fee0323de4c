// The sender's side of supervisor approval in the pane: what is needed, the request, and the decision
// as it arrives (polling while it waits). Approving itself reaches the verdict through the check
// (findApprovalInPane); this hook shows everything before that.
import { useCallback, useEffect, useRef, useState } from 'react';
import { approvalStateOf, askForApproval, lookUpApproval } from './approval-commands.js';
import { APPROVAL_IDLE, APPROVAL_POLL_MS, type ApprovalPaneState } from './approval-state.js';
import type { OfficeQueue } from './office-queue.js';
import type { PaneGateway } from './pane-gateway.js';
import type { Review } from './review-session.js';

export interface ApprovalControls {
  readonly state: ApprovalPaneState;
  request(): void;
}

/** Every item call goes through the pane's `queue`; `refresh` re-checks the item once an approval arrived or the message changed. */
export function useApproval(gateway: PaneGateway, review: Review | null, queue: OfficeQueue, refresh: () => void): ApprovalControls {
  const [state, setState] = useState<ApprovalPaneState>(APPROVAL_IDLE);
  const current = useRef(review);
  current.current = review;
  const fingerprint = review?.approvalFingerprint ?? null;
  const approver = review?.approval?.approver ?? null;

  // The review is read through `current` so that only new content or a new approval looks again.
  useEffect(() => lookUpApproval(gateway, queue, current.current, setState), [gateway, queue, fingerprint, approver]);

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
            setState(approvalStateOf(view, gateway.approvalPageUrl(view.id)));
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
