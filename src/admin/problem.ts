// Every way a console page can be refused or fail, from the API's answers (docs/api.md, "Errors") and the
// sign-in, and the text and retry each one gets.
import { ApiError } from '../api-client/index.js';
import { TokenUnavailable } from '../sign-in/index.js';
import type { AdminKey } from './admin-text.js';

export type Problem =
  | { readonly kind: 'forbidden' | 'signed-out' | 'network' | 'not-set-up' | 'no-audit' }
  | { readonly kind: 'bad-request' | 'sign-in-failed' | 'unexpected'; readonly detail: string };

function apiProblem(error: ApiError): Problem {
  if (error.code === 'network' || error.code === 'timeout') return { kind: 'network' };
  if (error.code !== 'http') return { kind: 'unexpected', detail: error.code };
  switch (error.status) {
    case 401:
      return { kind: 'signed-out' };
    case 403:
      return { kind: 'forbidden' };
    case 400:
      return { kind: 'bad-request', detail: error.detail === '' ? (error.reason ?? 'HTTP 400') : error.detail };
    // The audit routes exist only in secure-link mode (src/server/routes/audit.ts).
    case 404:
      return { kind: 'no-audit' };
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

export function problemText(problem: Problem): { readonly key: AdminKey; readonly params: Readonly<Record<string, string>> } {
  return { key: `admin.problem.${problem.kind}`, params: 'detail' in problem ? { detail: problem.detail } : {} };
}
