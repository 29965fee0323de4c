// Try again after a refused save or rollback (the policy page's ProblemBar): it repeats what failed. A
// failed rollback retried as a save would post the editor's draft as a new version instead.
import { describe, expect, it } from 'vitest';
import { retryAction, type PolicyAction } from '../../src/admin/policy-save.js';

function retried(action: PolicyAction): string[] {
  const calls: string[] = [];
  retryAction(action, {
    save: () => calls.push('save'),
    rollback: (version, reason) => calls.push(`rollback ${version} ${reason}`),
  });
  return calls;
}

describe('retryAction', () => {
  it('rolls back again, to the same version with the same reason, after a failed rollback', () => {
    expect(retried({ kind: 'rollback', version: 3, reason: 'undo the keyword change' })).toEqual(['rollback 3 undo the keyword change']);
  });

  it('saves again after a failed save', () => {
    expect(retried({ kind: 'save' })).toEqual(['save']);
  });
});
