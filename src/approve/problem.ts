// Every way the approver's page can be refused or fail, from the API's answers (docs/approval.md,
// "Refusals") and the sign-in, and the text and retry each one gets.
import { canRetry, pageProblemOf } from '../sign-in/index.js';
import type { ApproveKey } from './page-text.js';

export type Problem =
  | {
      readonly kind:
        'sender' | 'not-approver' | 'not-found' | 'expired' | 'shredded' | 'no-content' | 'network' | 'signed-out' | 'not-set-up';
    }
  | { readonly kind: 'decided' }
  | { readonly kind: 'sign-in-failed' | 'unexpected'; readonly detail: string };

export function problemOf(error: unknown): Problem {
  return pageProblemOf<Problem>(error, (apiError, status) => {
    switch (status) {
      case 403:
        return { kind: apiError.reason === 'sender' ? 'sender' : 'not-approver' };
      // 400: an id the route's pattern rejects is as unknown as one that is not stored.
      case 400:
      case 404:
        return { kind: apiError.reason === 'no-content' ? 'no-content' : 'not-found' };
      case 409:
        return { kind: 'decided' };
      case 410:
        return { kind: apiError.reason === 'shredded' ? 'shredded' : 'expired' };
      default:
        return null;
    }
  });
}

export { canRetry };

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
