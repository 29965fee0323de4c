// The dry-run of the admin console (docs/admin.md "Dry-run"): each message checked under the active
// policy and under a draft, side by side, before the draft is saved. Pure: the console reads the files
// and inspects their attachments, this only compares.
import { summarizeMessage } from '../inspect/message-summary.js';
import { evaluate, type AttachmentInspection, type Decision, type MessageSnapshot, type Policy, type RuleId } from '../policy/index.js';

export interface DryRunMessage {
  readonly name: string;
  readonly snapshot: MessageSnapshot;
  /** What inspecting the attachments found; an attachment without an outcome counts as pending, as at Send. */
  readonly attachments: readonly AttachmentInspection[];
}

export interface DryRunVerdict {
  readonly decision: Decision;
  /** Rules that found something, in the order of RULE_IDS, each once. */
  readonly rules: readonly RuleId[];
  /** Rules whose findings block. */
  readonly blocking: readonly RuleId[];
}

export interface DryRunRow {
  readonly name: string;
  readonly active: DryRunVerdict;
  readonly draft: DryRunVerdict;
  /** The decision or the rules differ. */
  readonly changed: boolean;
}

function verdictOf(message: DryRunMessage, policy: Policy): DryRunVerdict {
  const inspection = summarizeMessage(message.snapshot, message.attachments);
  const { decision, findings } = evaluate(message.snapshot, policy, { inspection });
  const distinct = (rules: readonly RuleId[]): RuleId[] => rules.filter((rule, index) => rules.indexOf(rule) === index);
  return {
    decision,
    rules: distinct(findings.map((finding) => finding.rule)),
    blocking: distinct(findings.filter((finding) => finding.severity === 'block').map((finding) => finding.rule)),
  };
}

function same(left: DryRunVerdict, right: DryRunVerdict): boolean {
  return (
    left.decision === right.decision &&
    left.rules.join(' ') === right.rules.join(' ') &&
    left.blocking.join(' ') === right.blocking.join(' ')
  );
}

export function dryRun(messages: readonly DryRunMessage[], active: Policy, draft: Policy): DryRunRow[] {
  return messages.map((message) => {
    const before = verdictOf(message, active);
    const after = verdictOf(message, draft);
    return { name: message.name, active: before, draft: after, changed: !same(before, after) };
  });
}
