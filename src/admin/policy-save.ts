// What a refused save or rollback shows: the server's problems with their paths, a 400 or 409 in words, or the
// console's usual problem (sign-in, network, …).
import { ApiError } from '../api-client/index.js';
import type { PolicyProblemOnWire } from '../protocol/index.js';
import type { AdminKey } from './admin-text.js';
import { problemOf, type Problem } from './problem.js';

export type SaveRefusal =
  | { readonly kind: 'invalid'; readonly problems: readonly PolicyProblemOnWire[] }
  | { readonly kind: 'conflict'; readonly key: AdminKey }
  | { readonly kind: 'bad-request'; readonly key: AdminKey; readonly detail: string }
  | { readonly kind: 'problem'; readonly problem: Problem };

export function saveRefusalOf(error: unknown, action: PolicyAction['kind'] = 'save'): SaveRefusal {
  if (error instanceof ApiError && error.status === 400 && error.problems.length > 0) return { kind: 'invalid', problems: error.problems };
  // The console's usual 400 text is the audit filter's; a refused save or rollback is said as such.
  if (error instanceof ApiError && error.status === 400) {
    const problem = problemOf(error);
    return { kind: 'bad-request', key: `admin.policy.badRequest.${action}`, detail: 'detail' in problem ? problem.detail : '' };
  }
  if (error instanceof ApiError && error.status === 409)
    // The server answers a rollback to the active document with the save's `unchanged` (docs/admin.md, "Saving").
    return {
      kind: 'conflict',
      key:
        error.reason !== 'unchanged'
          ? 'admin.policy.conflict'
          : action === 'rollback'
            ? 'admin.policy.rollbackUnchanged'
            : 'admin.policy.unchanged',
    };
  return { kind: 'problem', problem: problemOf(error) };
}

/** What the page last asked the server for: Try again must repeat this, not whatever Save would send now. */
export type PolicyAction = { readonly kind: 'save' } | { readonly kind: 'rollback'; readonly version: number; readonly reason: string };

export interface PolicyActions {
  save(): void;
  rollback(version: number, reason: string): void;
}

/** Runs the action again; a rollback keeps its version and reason, which its form has cleared by now. */
export function retryAction(action: PolicyAction, actions: PolicyActions): void {
  if (action.kind === 'rollback') actions.rollback(action.version, action.reason);
  else actions.save();
}

/** A save refused because another version became active meanwhile: loading it as the base lets the draft be saved. */
export function offersRebase(refusal: SaveRefusal, action: PolicyAction): boolean {
  return action.kind === 'save' && refusal.kind === 'conflict' && refusal.key === 'admin.policy.conflict';
}

/** A rollback replaces the editor's draft with the restored version; an unsaved edit lost that way is said. */
export function rolledBackKey(draftChanged: boolean): AdminKey {
  return draftChanged ? 'admin.policy.rolledBackDraftReplaced' : 'admin.policy.rolledBack';
}

/** Save needs a valid draft that differs from the active version, and a reason. */
export function maySave(draftValid: boolean, changed: boolean, reason: string): boolean {
  return draftValid && changed && reason.trim() !== '';
}
