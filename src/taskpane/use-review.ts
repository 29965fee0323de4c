// Binds the review session to React: the Office queue (office-queue.ts) every item call goes through,
// change events that coalesce into one re-evaluation, and the reducer that keeps ticks across them. The
// protection actions themselves are in protection-commands.ts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LinkSummary, ZipMethod } from '../protocol/index.js';
import type { RecipientField } from '../policy/index.js';
import type { NewMessageForm } from '../office/index.js';
import type { PaneText } from './pane-text.js';
import type { PasswordLinkOutcome } from './password-link.js';
import type { PaneGateway } from './pane-gateway.js';
import { INITIAL_PANE_STATE, reducePane, type PaneEvent, type PaneState, type Work } from './pane-state.js';
import { canConfirm } from './review-model.js';
import { attempt, loadReview, OFFICE_READY_TIMEOUT_MS, problemOf, reevaluate, type ProgressListener } from './review-session.js';
import { controlNotes, type ControlNotes } from './control-notes.js';
import { useApproval, type ApprovalControls } from './use-approval.js';
import { flushHandlerQueue, paneEvent, report } from './pane-audit.js';
import { officeQueue } from './office-queue.js';
import { passwordLinkCommand, protectLinksCommand, protectZipCommand, type CommandContext } from './protection-commands.js';

export interface ReviewControls {
  readonly state: PaneState;
  retry(): void;
  setTicked(itemIds: readonly string[], ticked: boolean): void;
  moveToBcc(): void;
  removeRecipient(address: string, field: RecipientField): void;
  confirm(): void;
  /** Records the confirmation if needed, then sends from the pane. */
  confirmAndSend(): void;
  /** Mailbox 1.15 with ReadWriteMailbox: "Confirm and send" instead of "Confirm". */
  readonly canSendFromPane: boolean;
  /** What the organisation adds at Send (automatic Bcc, the hold); null when nothing. */
  readonly controlNotes: ControlNotes | null;
  /** Supervisor approval: where the request stands, and asking for it. */
  readonly approval: ApprovalControls;
  protectZip(method: ZipMethod, archiveName: string): void;
  /** `mailText`: the language the link block is written in (the message's). */
  protectLinks(mailText: PaneText): void;
  /** The ZIP's password behind a secure link, in a separate message to the same people. */
  sharePasswordByLink(mailText: PaneText, zipName: string, password: string): Promise<PasswordLinkOutcome>;
  myLinks(): Promise<readonly LinkSummary[]>;
  revokeLink(packageId: string): Promise<unknown>;
  openNewMessage(form: NewMessageForm): void;
}

export function useReview(gateway: PaneGateway): ReviewControls {
  const [state, setState] = useState(INITIAL_PANE_STATE);
  // Queued tasks read the state between renders, so the reducer runs here and React gets the result.
  const latest = useRef(INITIAL_PANE_STATE);
  const [queue] = useState(officeQueue);
  const refreshPending = useRef(false);
  // When the pane first showed the content now on screen: a confirmation's seconds count from there.
  const shown = useRef<{ fingerprint: string; at: number } | null>(null);

  const dispatch = useCallback((event: PaneEvent) => {
    latest.current = reducePane(latest.current, event);
    setState(latest.current);
  }, []);

  const enqueue = useCallback(
    (task: () => Promise<void>) => {
      queue.run(task).catch((error: unknown) => dispatch({ type: 'failed', problem: problemOf(error) }));
    },
    [dispatch, queue],
  );

  const showProgress: ProgressListener = useCallback(
    (progress) => dispatch({ type: 'work-started', work: { kind: 'inspecting', ...progress } }),
    [dispatch],
  );

  const load = useCallback(() => {
    enqueue(async () => {
      dispatch({ type: 'work-started', work: { kind: 'loading' } });
      const outcome = await loadReview(gateway, OFFICE_READY_TIMEOUT_MS, showProgress);
      // Queued behind this task, apart from it: the audit post must not hold up the pane's own reads.
      if (outcome.ok)
        void flushHandlerQueue({
          ...gateway,
          readAuditQueue: () => queue.run(() => gateway.readAuditQueue()),
          writeAuditQueue: (events) => queue.run(() => gateway.writeAuditQueue(events)),
        });
      dispatch(
        outcome.ok
          ? { type: 'evaluated', review: outcome.review, confirmedFingerprint: outcome.confirmedFingerprint }
          : { type: 'failed', problem: outcome.problem },
      );
    });
  }, [dispatch, enqueue, gateway, queue, showProgress]);

  const evaluateAgain = useCallback(async () => {
    const review = latest.current.review;
    if (review === null) return;
    const outcome = await reevaluate(gateway, review, showProgress);
    dispatch(outcome.ok ? { type: 'evaluated', review: outcome.review } : { type: 'failed', problem: outcome.problem });
  }, [dispatch, gateway, showProgress]);

  const refresh = useCallback(() => {
    if (refreshPending.current) return;
    refreshPending.current = true;
    enqueue(async () => {
      refreshPending.current = false;
      if (latest.current.review === null) return;
      dispatch({ type: 'work-started', work: { kind: 'refreshing' } });
      await evaluateAgain();
    });
  }, [dispatch, enqueue, evaluateAgain]);

  const change = useCallback(
    (work: Work, apply: () => Promise<void>) => {
      enqueue(async () => {
        dispatch({ type: 'work-started', work });
        const outcome = await attempt(apply);
        if (!outcome.ok) {
          dispatch({ type: 'failed', problem: outcome.problem });
          return;
        }
        await evaluateAgain();
      });
    },
    [dispatch, enqueue, evaluateAgain],
  );

  const recordIfComplete = useCallback(() => {
    const { review, ticks, confirmedFingerprint } = latest.current;
    if (review === null || !canConfirm(review.model, ticks) || confirmedFingerprint === review.model.fingerprint) return;
    const fingerprint = review.model.fingerprint;
    enqueue(async () => {
      dispatch({ type: 'work-started', work: { kind: 'confirming' } });
      const outcome = await attempt(() => gateway.recordConfirmation(fingerprint));
      dispatch(outcome.ok ? { type: 'confirmed', fingerprint } : { type: 'failed', problem: outcome.problem });
      if (outcome.ok) {
        const since = shown.current?.fingerprint === fingerprint ? shown.current.at : gateway.nowMs();
        report(gateway, paneEvent(gateway, review, 'confirm', 'confirm', (gateway.nowMs() - since) / 1000));
      }
    });
  }, [dispatch, enqueue, gateway]);

  const approval = useApproval(gateway, state.review, queue, refresh);
  const commands: CommandContext = { gateway, dispatch, evaluateAgain };
  const fingerprintNow = state.review?.model.fingerprint ?? null;
  if (fingerprintNow !== null && shown.current?.fingerprint !== fingerprintNow)
    shown.current = { fingerprint: fingerprintNow, at: gateway.nowMs() };

  useEffect(() => {
    let disposed = false;
    let unsubscribe: (() => Promise<void>) | null = null;
    load();
    gateway
      .whenOfficeReady()
      .then(() => queue.run(() => gateway.onItemChanged(refresh)))
      .then((off) => {
        const queuedOff = () => queue.run(off);
        if (disposed) void queuedOff();
        else unsubscribe = queuedOff;
      })
      // Without change events the pane still re-checks after its own actions and on "Try again".
      .catch(() => undefined);
    return () => {
      disposed = true;
      if (unsubscribe !== null) void unsubscribe().catch(() => undefined);
    };
  }, [gateway, load, queue, refresh]);

  return {
    state,
    retry: load,
    setTicked: (itemIds, ticked) => {
      dispatch({ type: 'ticked', itemIds, ticked });
      // The last tick is the confirmation: Send then goes straight through, with no Confirm button between.
      if (ticked) recordIfComplete();
    },
    moveToBcc: () => {
      const addresses = latest.current.review?.model.moveToBcc ?? [];
      if (addresses.length > 0) change({ kind: 'moving' }, () => gateway.moveToBcc(addresses));
    },
    removeRecipient: (address, field) => change({ kind: 'removing', address }, () => gateway.removeRecipient(address, field)),
    protectZip: (method, archiveName) => {
      const review = latest.current.review;
      if (review !== null) enqueue(() => protectZipCommand(commands, review, method, archiveName));
    },
    protectLinks: (mailText) => {
      const review = latest.current.review;
      if (review !== null) enqueue(() => protectLinksCommand(commands, review, mailText));
    },
    sharePasswordByLink: (mailText, zipName, password) => {
      const review = latest.current.review;
      if (review === null) return Promise.resolve({ ok: false, stage: 'recipients', detail: 'none' });
      return queue.run(() => passwordLinkCommand(gateway, review, mailText, zipName, password));
    },
    myLinks: () => gateway.myLinks(),
    revokeLink: (packageId) => gateway.revokeLinks(packageId),
    openNewMessage: (form) => enqueue(async () => gateway.openNewMessage(form)),
    confirm: () => recordIfComplete(),
    approval,
    canSendFromPane: state.review !== null && gateway.canSendFromPane(),
    controlNotes: state.review === null ? null : controlNotes(state.review, { canHoldDelivery: gateway.canHoldDelivery() }),
    confirmAndSend: () => {
      const { review, ticks } = latest.current;
      if (review === null || !canConfirm(review.model, ticks) || !gateway.canSendFromPane()) return;
      recordIfComplete();
      enqueue(async () => {
        if (latest.current.confirmedFingerprint !== review.model.fingerprint) return;
        dispatch({ type: 'work-started', work: { kind: 'sending' } });
        const outcome = await attempt(() => gateway.sendItem());
        // Reached only when Outlook answers before the item is gone: a failure, or a send the check stopped.
        dispatch(outcome.ok ? { type: 'confirmed', fingerprint: review.model.fingerprint } : { type: 'failed', problem: outcome.problem });
      });
    },
  };
}
