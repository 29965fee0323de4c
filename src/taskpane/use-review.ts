// Binds the review session to React: one queue so Office calls never overlap, change events that
// coalesce into one re-evaluation, and the reducer that keeps ticks across them.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LinkSummary, ZipMethod } from '../protocol/index.js';
import type { RecipientField } from '../policy/index.js';
import { linkBlock } from './link-block.js';
import type { PaneText } from './pane-text.js';
import { sharePasswordByLink, type PasswordLinkOutcome } from './password-link.js';
import { protectAsLinks, type LinkChoice } from './protect-link.js';
import { protectAsZip } from './protect-zip.js';
import type { PaneGateway } from './pane-gateway.js';
import { INITIAL_PANE_STATE, reducePane, type PaneEvent, type PaneState, type Work } from './pane-state.js';
import { canConfirm } from './review-model.js';
import { attempt, loadReview, OFFICE_READY_TIMEOUT_MS, problemOf, reevaluate, type ProgressListener } from './review-session.js';
import { controlNotes, type ControlNotes } from './control-notes.js';
import { useApproval, type ApprovalControls } from './use-approval.js';
import { flushHandlerQueue, paneEvent, report } from './pane-audit.js';

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
  openNewMessage(form: { toRecipients: readonly string[]; ccRecipients: readonly string[]; subject: string; htmlBody: string }): void;
}

export function useReview(gateway: PaneGateway): ReviewControls {
  const [state, setState] = useState(INITIAL_PANE_STATE);
  // Queued tasks read the state between renders, so the reducer runs here and React gets the result.
  const latest = useRef(INITIAL_PANE_STATE);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const refreshPending = useRef(false);
  // When the pane first showed the content now on screen: a confirmation's seconds count from there.
  const shown = useRef<{ fingerprint: string; at: number } | null>(null);

  const dispatch = useCallback((event: PaneEvent) => {
    latest.current = reducePane(latest.current, event);
    setState(latest.current);
  }, []);

  const enqueue = useCallback(
    (task: () => Promise<void>) => {
      queue.current = queue.current
        .then(task)
        .catch((error: unknown) => dispatch({ type: 'failed', problem: problemOf(error) }));
    },
    [dispatch],
  );

  const showProgress: ProgressListener = useCallback(
    (progress) => dispatch({ type: 'work-started', work: { kind: 'inspecting', ...progress } }),
    [dispatch],
  );

  const load = useCallback(() => {
    enqueue(async () => {
      dispatch({ type: 'work-started', work: { kind: 'loading' } });
      const outcome = await loadReview(gateway, OFFICE_READY_TIMEOUT_MS, showProgress);
      if (outcome.ok) void flushHandlerQueue(gateway);
      dispatch(
        outcome.ok
          ? { type: 'evaluated', review: outcome.review, confirmedFingerprint: outcome.confirmedFingerprint }
          : { type: 'failed', problem: outcome.problem },
      );
    });
  }, [dispatch, enqueue, gateway, showProgress]);

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

  const approval = useApproval(gateway, state.review, enqueue, refresh);
  const fingerprintNow = state.review?.model.fingerprint ?? null;
  if (fingerprintNow !== null && shown.current?.fingerprint !== fingerprintNow) shown.current = { fingerprint: fingerprintNow, at: gateway.nowMs() };

  useEffect(() => {
    let disposed = false;
    let unsubscribe: (() => Promise<void>) | null = null;
    load();
    gateway
      .whenOfficeReady()
      .then(() => gateway.onItemChanged(refresh))
      .then((off) => {
        if (disposed) void off();
        else unsubscribe = off;
      })
      // Without change events the pane still re-checks after its own actions and on "Try again".
      .catch(() => undefined);
    return () => {
      disposed = true;
      if (unsubscribe !== null) void unsubscribe().catch(() => undefined);
    };
  }, [gateway, load, refresh]);

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
    removeRecipient: (address, field) =>
      change({ kind: 'removing', address }, () => gateway.removeRecipient(address, field)),
    protectZip: (method, archiveName) => {
      const review = latest.current.review;
      if (review === null) return;
      const choice = { method, archiveName, maxTotalBytes: review.policy.attachments.protection.zip.maxTotalBytes };
      enqueue(async () => {
        dispatch({ type: 'work-started', work: { kind: 'protecting', stage: 'read' } });
        const outcome = await protectAsZip(gateway, review.snapshot.attachments, choice, (progress) =>
          dispatch({ type: 'work-started', work: { kind: 'protecting', ...progress } }),
        );
        dispatch({ type: 'zip-finished', outcome });
        if (outcome.ok) report(gateway, paneEvent(gateway, review, 'protect', 'zip'));
        await evaluateAgain();
      });
    },
    protectLinks: (mailText) => {
      const review = latest.current.review;
      if (review === null) return;
      const settings = review.policy.attachments.protection.link;
      const choice: LinkChoice = {
        maxTotalBytes: settings.maxTotalBytes,
        block: (links, files) => linkBlock({ links, files, requireCode: settings.requireCode, maxDownloads: settings.maxDownloads }, mailText),
      };
      enqueue(async () => {
        dispatch({ type: 'work-started', work: { kind: 'linking', stage: 'recipients' } });
        // Read afresh: the Bcc refusal and the recipient list must see the message as it is now.
        const snapshot = await gateway.readSnapshot();
        const outcome = await protectAsLinks(gateway, snapshot, choice, (progress) => dispatch({ type: 'work-started', work: { kind: 'linking', ...progress } }));
        dispatch({ type: 'link-finished', outcome });
        if (outcome.ok) report(gateway, paneEvent(gateway, review, 'protect', 'link'));
        await evaluateAgain();
      });
    },
    sharePasswordByLink: async (mailText, zipName, password) => {
      const review = latest.current.review;
      if (review === null) return { ok: false, stage: 'recipients', detail: 'none' };
      const settings = review.policy.attachments.protection.link;
      const snapshot = await gateway.readSnapshot();
      return sharePasswordByLink(gateway, snapshot, {
        fileName: mailText('pane.protect.passwordFile', { name: zipName }),
        fileText: `${mailText('pane.protect.passwordBody', { name: zipName, password })}\n`,
        form: (links, file) => ({
          toRecipients: snapshot.to.map((recipient) => recipient.address),
          ccRecipients: snapshot.cc.map((recipient) => recipient.address),
          subject: mailText('pane.protect.passwordSubject', { name: zipName }),
          htmlBody: linkBlock(
            { links, files: [file], requireCode: settings.requireCode, maxDownloads: settings.maxDownloads, title: mailText('pane.protect.passwordLinkTitle', { name: zipName }) },
            mailText,
          ).html,
        }),
      });
    },
    myLinks: () => gateway.myLinks(),
    revokeLink: (packageId) => gateway.revokeLinks(packageId),
    openNewMessage: (form) => {
      try {
        gateway.openNewMessage(form);
      } catch (error) {
        dispatch({ type: 'failed', problem: problemOf(error) });
      }
    },
    confirm: () => recordIfComplete(),
    approval,
    canSendFromPane: state.review !== null && gateway.canSendFromPane(),
    controlNotes:
      state.review === null ? null : controlNotes(state.review, { canHoldDelivery: gateway.canHoldDelivery() }),
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
