import { suggestActions } from './actions.js';
import { buildChecklist } from './checklist.js';
import { classifyRecipients } from './classify.js';
import { fingerprintOf } from './fingerprint.js';
import { approvalRequiredFindings } from './rules/approval-required.js';
import { RULES } from './rules/index.js';
import { withoutAutoBcc } from './send-controls.js';
import type { Decision, EvaluationContext, Finding, MessageSnapshot, Policy, Verdict } from './types.js';

/**
 * Whether a confirmation covers the finding. The history a first-time-recipient finding comes from is each
 * runtime's own copy of the roaming settings, loaded when it started (docs/policy.md "First-time
 * recipients"): the pane's may be older than the handler's. Its recipients are covered anyway, so a history
 * that moved on between the tick and the Send does not undo the confirmation.
 */
function coveredByConfirmation(finding: Finding): boolean {
  return finding.rule !== 'first-time-recipient';
}

/**
 * The verdict for a message under a policy: classify each recipient once, run every rule (approval last,
 * since other rules' findings trigger it), then derive
 * the checklist, suggested actions, decision and fingerprint from the findings. Automatic Bcc copies are
 * left out. Pure: the same input gives the same verdict in the handler, the pane and the CLI.
 */
export function evaluate(written: MessageSnapshot, policy: Policy, context: EvaluationContext): Verdict {
  // The organisation's automatic Bcc copies are not the user's recipients (src/policy/send-controls.ts).
  const snapshot = withoutAutoBcc(written, policy);
  const recipients = classifyRecipients(snapshot, policy);
  const input = {
    snapshot,
    policy,
    recipients,
    ...(context.inspection === undefined ? {} : { inspection: context.inspection }),
    ...(context.protection === undefined ? {} : { protection: context.protection }),
    ...(context.history === undefined ? {} : { history: context.history }),
  };
  const findings: Finding[] = [];
  for (const rule of RULES.values()) findings.push(...rule(input));
  findings.push(...approvalRequiredFindings(input, findings, context.approval));
  const checklist = buildChecklist(recipients, snapshot.attachments, findings, policy);
  const decision: Decision = findings.some((finding) => finding.severity === 'block')
    ? 'block'
    : checklist.length > 0
      ? 'confirm'
      : 'allow';
  // Hashed when first read: the handler reads it only to stamp an allowed message or to compare a
  // confirmation the item holds, so a first Send that opens the pane does not wait for SHA-256 over
  // 40 KB (docs/benchmarks.md "Policy evaluate"). What it is made from is fixed here.
  const covered = findings.filter(coveredByConfirmation);
  let fingerprint: string | undefined;
  return {
    decision,
    findings,
    checklist: decision === 'confirm' ? checklist : [],
    actions: suggestActions(recipients, findings),
    get fingerprint(): string {
      fingerprint ??= fingerprintOf(recipients, snapshot.attachments, covered);
      return fingerprint;
    },
  };
}
