// What a refused save or rollback shows: the server's problems with their paths, a 409 in words, or the
// console's usual problem (sign-in, network, …).
import { ApiError } from '../api-client/index.js';
import type { PolicyProblemOnWire } from '../protocol/index.js';
import type { AdminKey } from './admin-text.js';
import { problemOf, type Problem } from './problem.js';

export type SaveRefusal =
  | { readonly kind: 'invalid'; readonly problems: readonly PolicyProblemOnWire[] }
  | { readonly kind: 'conflict'; readonly key: AdminKey }
  | { readonly kind: 'problem'; readonly problem: Problem };

export function saveRefusalOf(error: unknown): SaveRefusal {
  if (error instanceof ApiError && error.status === 400 && error.problems.length > 0) return { kind: 'invalid', problems: error.problems };
  if (error instanceof ApiError && error.status === 409)
    return { kind: 'conflict', key: error.reason === 'unchanged' ? 'admin.policy.unchanged' : 'admin.policy.conflict' };
  return { kind: 'problem', problem: problemOf(error) };
}

/** Save needs a valid draft that differs from the active version, and a reason. */
export function maySave(draftValid: boolean, changed: boolean, reason: string): boolean {
  return draftValid && changed && reason.trim() !== '';
}
