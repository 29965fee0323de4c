// Every way a console page can be refused or fail, from the API's answers (docs/api.md, "Errors") and the
// sign-in, and the text and retry each one gets.
import { canRetry, pageProblemOf } from '../sign-in/index.js';
import type { AdminKey } from './admin-text.js';

export type Problem =
  | { readonly kind: 'forbidden' | 'signed-out' | 'network' | 'not-set-up' | 'no-audit' }
  | { readonly kind: 'bad-request' | 'sign-in-failed' | 'unexpected'; readonly detail: string };

export function problemOf(error: unknown): Problem {
  return pageProblemOf<Problem>(error, (apiError, status) => {
    switch (status) {
      case 403:
        return { kind: 'forbidden' };
      case 400:
        return { kind: 'bad-request', detail: apiError.detail === '' ? (apiError.reason ?? 'HTTP 400') : apiError.detail };
      // The audit routes exist only in secure-link mode (src/server/routes/audit.ts).
      case 404:
        return { kind: 'no-audit' };
      default:
        return null;
    }
  });
}

export { canRetry };

export function problemText(problem: Problem): { readonly key: AdminKey; readonly params: Readonly<Record<string, string>> } {
  return { key: `admin.problem.${problem.kind}`, params: 'detail' in problem ? { detail: problem.detail } : {} };
}
