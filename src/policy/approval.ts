// Supervisor approval in the core (docs/approval.md): whether a message needs it, who approves for a
// sender, and the fingerprint an approval is signed over. The signature itself is checked by the host
// (src/protocol/approval.ts); the core receives only the verified result (EvaluationContext.approval).
import { compileAddressPattern } from './address-pattern.js';
import { outsideDomainsOf, type ClassifiedRecipient } from './classify.js';
import { domainOfAddress, isWithinDomain, normalizeAddress } from './domain.js';
import { sha256Hex } from './sha256.js';
import type { ApprovalPolicy, Finding, MessageSnapshot, Verdict } from './types.js';

/** Why approval is needed, in the order the policy lists its triggers; `scope` when no trigger is set. */
export type ApprovalReason = 'scope' | 'rules' | 'personal-data' | 'attachments-outside' | 'outside-domains';

function senderMatches(pattern: string, sender: string): boolean {
  if (pattern.includes('@')) return compileAddressPattern(pattern)(sender);
  const domain = domainOfAddress(sender);
  return domain !== null && isWithinDomain(domain, pattern);
}

/** The approvers of the first route naming the sender, else the default ones; the sender never approves. */
export function approversFor(approval: ApprovalPolicy, senderAddress: string | undefined): readonly string[] {
  const sender = senderAddress === undefined ? null : normalizeAddress(senderAddress);
  const route =
    sender === null ? undefined : approval.approvers.find((entry) => entry.senders.some((pattern) => senderMatches(pattern, sender)));
  const approvers = route?.approvers ?? approval.defaultApprovers;
  return approvers.filter((address) => address !== sender);
}

/** The triggers that hold; empty when approval is not needed. Findings are those of every other rule. */
export function approvalReasons(
  approval: ApprovalPolicy,
  snapshot: MessageSnapshot,
  recipients: readonly ClassifiedRecipient[],
  findings: readonly Finding[],
): readonly ApprovalReason[] {
  const { when } = approval;
  const outside = recipients.filter((entry) => entry.external);
  if (when.recipients === 'external' && outside.length === 0) return [];
  const reasons: ApprovalReason[] = [];
  if (findings.some((finding) => when.rules.includes(finding.rule))) reasons.push('rules');
  const kinds = new Set(findings.filter((finding) => finding.rule === 'personal-data').map((finding) => finding.params['kind']));
  if (when.personalData.some((kind) => kinds.has(kind))) reasons.push('personal-data');
  if (when.attachmentsOutside && outside.length > 0 && snapshot.attachments.some((attachment) => !attachment.inline)) {
    reasons.push('attachments-outside');
  }
  const domains = new Set<string>();
  for (const entry of outside) {
    const reached = outsideDomainsOf(entry);
    for (const domain of reached.length === 0 ? [entry.key] : reached) domains.add(domain);
  }
  if (when.minOutsideDomains > 0 && domains.size >= when.minOutsideDomains) reasons.push('outside-domains');
  const triggerSet = when.rules.length > 0 || when.personalData.length > 0 || when.attachmentsOutside || when.minOutsideDomains > 0;
  return triggerSet ? reasons : ['scope'];
}

/** Runs of white space are one space: two reads of the same body may differ only in line breaks. */
function comparableText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * What an approval is signed over: everything a confirmation covers (the verdict's fingerprint) and the
 * subject and body, so that any change to what the approver saw asks again.
 */
export function approvalFingerprint(snapshot: MessageSnapshot, verdict: Pick<Verdict, 'fingerprint'>): string {
  return sha256Hex(
    JSON.stringify(['preflight-approval/1', verdict.fingerprint, comparableText(snapshot.subject), comparableText(snapshot.body)]),
  );
}

/** The approval finding of a verdict that still blocks, or null: the host then looks for an approval. */
export function pendingApproval(verdict: Pick<Verdict, 'findings'>): Finding | null {
  return verdict.findings.find((finding) => finding.rule === 'approval-required' && finding.severity === 'block') ?? null;
}
