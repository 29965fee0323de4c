// How a page of the server (the approver's page, the admin console) tells a failed call apart: the part
// every page shares, so each page maps only its own HTTP refusals.
import { ApiError } from '../api-client/index.js';
import { describeError } from '../policy/index.js';
import { TokenUnavailable } from './token-source.js';

export type SharedProblem =
  { readonly kind: 'network' | 'signed-out' | 'not-set-up' } | { readonly kind: 'sign-in-failed' | 'unexpected'; readonly detail: string };

/**
 * Network and sign-in failures, 401 and anything unknown are the same on every page; `refusal` names the
 * page's own problem for any other HTTP status, or null for an unexpected one.
 */
export function pageProblemOf<P>(error: unknown, refusal: (error: ApiError, status: number) => P | null): P | SharedProblem {
  if (error instanceof ApiError) {
    if (error.code === 'network' || error.code === 'timeout') return { kind: 'network' };
    if (error.code !== 'http') return { kind: 'unexpected', detail: error.code };
    if (error.status === 401) return { kind: 'signed-out' };
    return (
      (error.status === undefined ? null : refusal(error, error.status)) ?? { kind: 'unexpected', detail: `HTTP ${error.status ?? '?'}` }
    );
  }
  if (error instanceof TokenUnavailable) {
    if (error.problem === 'unreachable') return { kind: 'network' };
    return error.problem === 'not-set-up' ? { kind: 'not-set-up' } : { kind: 'sign-in-failed', detail: error.message };
  }
  return { kind: 'unexpected', detail: describeError(error) };
}

/** A failed call may succeed again (the network, a sign-in, the unknown); a refusal will not. */
export function canRetry<P extends { readonly kind: string }>(problem: P): boolean {
  return problem.kind === 'network' || problem.kind === 'sign-in-failed' || problem.kind === 'unexpected';
}
