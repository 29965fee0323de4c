// Builders for policy-core tests: policies come from documents through the real parser.
import { classifyRecipients } from '../../src/policy/classify.js';
import { parsePolicy } from '../../src/policy/parse-policy.js';
import type { Rule } from '../../src/policy/rules/rule.js';
import type {
  AttachmentInspection,
  Finding,
  InspectionSummary,
  MessageSnapshot,
  PersonalDataKind,
  PersonalDataTally,
  Policy,
  PolicyProblem,
  ProtectionState,
  Recipient,
} from '../../src/policy/types.js';

export function policyFrom(document: unknown): Policy {
  const result = parsePolicy(document);
  if (!result.ok) throw new Error(`test policy is invalid: ${JSON.stringify(result.problems)}`);
  return result.policy;
}

/** Path and English message of a problem; the codes are asserted in test/policy/problem-codes.test.ts. */
export type PathMessage = Pick<PolicyProblem, 'path' | 'message'>;

/** Every problem parsePolicy finds in `document`, none when it is valid. */
export function problemsOf(document: unknown): readonly PathMessage[] {
  const result = parsePolicy(document);
  return result.ok ? [] : result.problems.map(({ path, message }) => ({ path, message }));
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

export function runRule(
  rule: Rule,
  snapshot: MessageSnapshot,
  policy: Policy = POLICY,
  inspection?: InspectionSummary,
  protection?: ProtectionState,
): Finding[] {
  const recipients = classifyRecipients(snapshot, policy);
  return rule({
    snapshot,
    policy,
    recipients,
    ...(inspection === undefined ? {} : { inspection }),
    ...(protection === undefined ? {} : { protection }),
  });
}

/** A tally of `high` + `low` matches with made-up masked samples `<kind>-h1`, `<kind>-l1`, … (at most 3 each). */
export function tally(kind: PersonalDataKind, high: number, low = 0, parts: string[] = []): PersonalDataTally {
  const samples = (tag: string, count: number) =>
    Array.from({ length: Math.min(count, 3) }, (_unused, index) => `${kind}-${tag}${index + 1}`);
  return { kind, high, low, highSamples: samples('h', high), lowSamples: samples('l', low), parts };
}

export function inspectedFile(
  name: string,
  size: number,
  rest: Partial<Omit<AttachmentInspection, 'name' | 'size'>> = {},
): AttachmentInspection {
  return { name, size, status: 'inspected', reason: '', unread: [], personalData: [], ...rest };
}

export function ids(findings: readonly Finding[]): string[] {
  return findings.map((finding) => finding.id);
}
