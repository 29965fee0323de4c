// The one line the status region says, derived from the state: work in progress, then problems,
// then where the user stands with the checklist.
import type { ApiFailureCode } from './api-failure.js';
import type { PaneKey } from './pane-text.js';
import type { PaneState } from './pane-state.js';
import { canConfirm, remainingCount } from './review-model.js';
import type { Problem } from './review-session.js';

export type StatusIntent = 'busy' | 'info' | 'success' | 'warning' | 'error';

export interface PaneStatus {
  readonly intent: StatusIntent;
  readonly key: PaneKey;
  readonly params: Readonly<Record<string, string | number>>;
  /** True when the user can do something about it by trying again. */
  readonly retry: boolean;
  /** Share done, 0 to 1, for work that can say so (uploads). */
  readonly progress?: number;
  /**
   * A failure with raw words (the server's or the script's, often English): the cause of an API failure is
   * said in words after the line, the raw detail collapsed (components/FailureText.tsx); cause null: none.
   */
  readonly failure?: { readonly cause: ApiFailureCode | null; readonly technical: string };
}

function status(intent: StatusIntent, key: PaneKey, params: PaneStatus['params'] = {}, retry = false): PaneStatus {
  return { intent, key, params, retry };
}

export function problemStatus(problem: Problem): PaneStatus {
  switch (problem.kind) {
    case 'office':
      return status('error', 'pane.error.office', { operation: problem.operation, code: problem.code }, true);
    case 'office-not-ready':
      return status('error', 'pane.error.officeNotReady', {}, true);
    case 'policy-unavailable':
      return status('error', 'pane.error.policy', {}, true);
    case 'api':
      return { ...status('error', 'pane.error.check', {}, true), failure: { cause: problem.cause, technical: problem.detail } };
    case 'unexpected':
      return { ...status('error', 'pane.error.check', {}, true), failure: { cause: null, technical: problem.message } };
  }
}

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

function uploadStatus(key: PaneKey, sentBytes: number, totalBytes: number): PaneStatus {
  const share = Math.min(1, Math.max(0, sentBytes / totalBytes));
  return {
    ...status('busy', key, { percent: Math.floor(share * 100), sent: megabytes(sentBytes), total: megabytes(totalBytes) }),
    progress: share,
  };
}

export function paneStatus(state: PaneState): PaneStatus {
  const { work, problem, review } = state;
  if (work !== null) {
    switch (work.kind) {
      case 'loading':
        return status('busy', 'pane.loading');
      case 'refreshing':
        return status('busy', 'pane.refreshing');
      case 'inspecting':
        return status('busy', 'pane.status.inspecting', { index: work.index, total: work.total, name: work.name });
      case 'moving':
        return status('busy', 'pane.status.moving');
      case 'removing':
        return status('busy', 'pane.status.removing', { address: work.address });
      case 'confirming':
        return status('busy', 'pane.status.confirming');
      case 'sending':
        return status('busy', 'pane.status.sending');
      case 'protecting':
        // Once the request is all sent, the server is encrypting: the stage's own words say so.
        return work.stage === 'protect' && work.totalBytes !== undefined && work.totalBytes > 0 && (work.sentBytes ?? 0) < work.totalBytes
          ? uploadStatus('pane.protect.stage.upload', work.sentBytes ?? 0, work.totalBytes)
          : status('busy', `pane.protect.stage.${work.stage}`);
      case 'linking':
        return work.stage === 'upload' && work.totalBytes !== undefined && work.totalBytes > 0
          ? uploadStatus('pane.link.stage.upload', work.sentBytes ?? 0, work.totalBytes)
          : status('busy', `pane.link.stage.${work.stage}`);
    }
  }
  if (problem !== null) return problemStatus(problem);
  if (review === null) return status('busy', 'pane.loading');
  const { model } = review;
  if (model.decision === 'block') {
    // Only a supervisor's approval missing is not something to fix: the Approval section says what to do.
    const { blockingFindings } = model;
    const approvalOnly = blockingFindings.length > 0 && blockingFindings.every((finding) => finding.rule === 'approval-required');
    return approvalOnly ? status('warning', 'pane.status.needsApproval') : status('error', 'pane.status.block');
  }
  if (state.confirmedFingerprint === model.fingerprint) return status('success', 'pane.status.confirmed');
  if (model.decision === 'allow') return status('success', 'pane.status.allow');
  if (state.confirmedFingerprint !== null) return status('warning', 'pane.status.stale');
  if (canConfirm(model, state.ticks)) return status('info', 'pane.status.readyToConfirm');
  const remaining = remainingCount(model, state.ticks);
  return remaining === 1
    ? status('info', 'pane.status.remaining.one')
    : status('info', 'pane.status.remaining.other', { count: remaining });
}
