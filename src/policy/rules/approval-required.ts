import { approvalReasons, approversFor } from '../approval.js';
import type { ApprovalGrant, Finding } from '../types.js';
import { makeFinding, type RuleInput } from './rule.js';

/**
 * Runs after every other rule, because its triggers are their findings. Blocks until the host passes a
 * verified approval; then it stays as information, with the same id, so the fingerprint the approver
 * signed does not change.
 */
export function approvalRequiredFindings(input: RuleInput, findings: readonly Finding[], grant: ApprovalGrant | undefined): Finding[] {
  const { approval } = input.policy;
  if (approval === null) return [];
  const reasons = approvalReasons(approval, input.snapshot, input.recipients, findings);
  if (reasons.length === 0) return [];
  if (grant !== undefined) {
    return [makeFinding('approval-required', 'message', 'info', [], 'finding.approval-required.approved', { approver: grant.approver })];
  }
  const approvers = approversFor(approval, input.snapshot.from?.address);
  return [
    makeFinding(
      'approval-required',
      'message',
      'block',
      [],
      approvers.length === 0 ? 'finding.approval-required.no-approver' : 'finding.approval-required',
      { approvers: approvers.join(', '), reasons: reasons.join(',') },
    ),
  ];
}
