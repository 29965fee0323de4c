// Every way the approver's page can be refused or fail, from the API's answers (docs/approval.md,
// "Refusals") and the sign-in, and the text and retry each one gets.
import { ApiError } from '../api-client/index.js';
import { TokenUnavailable } from '../sign-in/index.js';
import type { ApproveKey } from './page-text.js';

export type Problem =
  | { readonly kind: 'sender' | 'not-approver' | 'not-found' | 'expired' | 'shredded' | 'no-content' | 'network' | 'signed-out' | 'not-set-up' }
  | { readonly kind: 'decided' }
  | { readonly kind: 'sign-in-failed' | 'unexpected'; readonly detail: string };

function apiProblem(error: ApiError): Problem {
  if (error.code === 'network' || error.code === 'timeout') return { kind: 'network' };
  if (error.code !== 'http') return { kind: 'unexpected', detail: error.code };
  switch (error.status) {
    case 401:
      return { kind: 'signed-out' };
    case 403:
      return { kind: error.reason === 'sender' ? 'sender' : 'not-approver' };
    // 400: an id the route's pattern rejects is as unknown as one that is not stored.
    case 400:
    case 404:
      return { kind: error.reason === 'no-content' ? 'no-content' : 'not-found' };
    case 409:
      return { kind: 'decided' };
    case 410:
      return { kind: error.reason === 'shredded' ? 'shredded' : 'expired' };
    default:
      return { kind: 'unexpected', detail: `HTTP ${error.status ?? '?'}` };
  }
}

export function problemOf(error: unknown): Problem {
  if (error instanceof ApiError) return apiProblem(error);
  if (error instanceof TokenUnavailable) {
    if (error.problem === 'unreachable') return { kind: 'network' };
    return error.problem === 'not-set-up' ? { kind: 'not-set-up' } : { kind: 'sign-in-failed', detail: error.message };
  }
  return { kind: 'unexpected', detail: error instanceof Error ? error.message : String(error) };
}

/** A failed call may succeed again (the network, a sign-in, the unknown); a refusal will not. */
export function canRetry(problem: Problem): boolean {
  return problem.kind === 'network' || problem.kind === 'sign-in-failed' || problem.kind === 'unexpected';
}

export interface ProblemText {
  readonly key: ApproveKey;
  readonly params: Readonly<Record<string, string>>;
}

/** `decidedBy` names who decided first, for a 409; the page reads the request again to learn it. */
export function problemText(problem: Problem, decidedBy: string | null): ProblemText {
  switch (problem.kind) {
    case 'shredded':
      return { key: 'approve.message.shredded', params: {} };
    case 'no-content':
      return { key: 'approve.message.notIncluded', params: {} };
    case 'decided':
      return { key: 'approve.problem.decided', params: { approver: decidedBy ?? '?' } };
    case 'sign-in-failed':
    case 'unexpected':
      return { key: `approve.problem.${problem.kind}`, params: { detail: problem.detail } };
    default:
      return { key: `approve.problem.${problem.kind}`, params: {} };
  }
}

/**
 * Why the message cannot be shown, once the request itself was readable. Only its sender and its
 * approvers can read a request, and every approver may read the content (docs/approval.md, "The API"),
 * so a 403 on the content means the reader is the sender; the route calls that `not-approver`.
 */
export function messageProblemOf(error: unknown): Problem {
  const problem = problemOf(error);
  return problem.kind === 'not-approver' ? { kind: 'sender' } : problem;
}
