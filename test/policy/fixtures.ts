// Builders for policy-core tests: policies come from documents through the real parser.
import { classifyRecipients } from '../../src/policy/classify.js';
import { parsePolicy } from '../../src/policy/parse-policy.js';
import type { Rule } from '../../src/policy/rules/rule.js';
import type { Finding, MessageSnapshot, Policy, Recipient } from '../../src/policy/types.js';

export function policyFrom(document: Record<string, unknown>): Policy {
  const result = parsePolicy(document);
  if (!result.ok) throw new Error(`test policy is invalid: ${JSON.stringify(result.problems)}`);
  return result.policy;
}

/** example.co.jp and 日本語.jp are ours, partner.co.jp is trusted. */
export const POLICY = policyFrom({
  internalDomains: ['example.co.jp', '日本語.jp'],
  trustedDomains: ['partner.co.jp'],
});

export function message(parts: Partial<MessageSnapshot> = {}): MessageSnapshot {
  return { to: [], cc: [], bcc: [], subject: '', body: '', attachments: [], ...parts };
}

export function people(...addresses: string[]): Recipient[] {
  return addresses.map((address) => ({ address }));
}

export function runRule(rule: Rule, snapshot: MessageSnapshot, policy: Policy = POLICY): Finding[] {
  return rule({ snapshot, policy, recipients: classifyRecipients(snapshot, policy) });
}

export function ids(findings: readonly Finding[]): string[] {
  return findings.map((finding) => finding.id);
}
