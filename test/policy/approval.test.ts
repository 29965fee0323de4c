// Supervisor approval in the policy core: the `approval` key, when it applies, who approves, and what an
// approval is signed over (docs/approval.md).
import { describe, expect, test } from 'vitest';
import { approvalFingerprint, approversFor, pendingApproval } from '../../src/policy/approval.js';
import { evaluate } from '../../src/policy/evaluate.js';
import { parsePolicy } from '../../src/policy/parse-policy.js';
import type { InspectionSummary } from '../../src/policy/types.js';
import { message, people, policyFrom } from './fixtures.js';

const BASE = { internalDomains: ['example.co.jp'], trustedDomains: ['partner.co.jp'] };

function withApproval(approval: Record<string, unknown>) {
  return policyFrom({ ...BASE, approval: { defaultApprovers: ['boss@example.co.jp'], ...approval } });
}

const FROM = { address: 'taro@sales.example.co.jp' };
const OUTSIDE = message({ from: FROM, to: people('a@abc.co.jp'), subject: 'Quote', body: 'Hello' });
const INSIDE = message({ from: FROM, to: people('hanako@example.co.jp') });

function approvalFinding(verdict: ReturnType<typeof evaluate>) {
  return verdict.findings.find((finding) => finding.rule === 'approval-required');
}

describe('the approval key', () => {
  test('is off by default and off when null', () => {
    expect(policyFrom(BASE).approval).toBeNull();
    expect(policyFrom({ ...BASE, approval: null }).approval).toBeNull();
  });

  test('fills defaults and normalises addresses and sender patterns', () => {
    const policy = policyFrom({
      ...BASE,
      approval: {
        approvers: [
          { senders: ['*@Sales.Example.co.jp', '@branch.example.co.jp', 'taro@example.co.jp'], approvers: ['Boss@Example.co.jp'] },
        ],
      },
    });
    expect(policy.approval).toEqual({
      when: { recipients: 'external', rules: [], personalData: [], attachmentsOutside: false, minOutsideDomains: 0 },
      approvers: [{ senders: ['*@sales.example.co.jp', 'branch.example.co.jp', 'taro@example.co.jp'], approvers: ['boss@example.co.jp'] }],
      defaultApprovers: [],
      expiresHours: 24,
      includeContent: true,
    });
  });

  test.each([
    [{}, '$.approval', 'names no approver'],
    [{ defaultApprovers: ['not an address'] }, '$.approval.defaultApprovers[0]', 'not a valid email address'],
    [{ defaultApprovers: ['b@example.co.jp'], expiresHours: 169 }, '$.approval.expiresHours', 'out of range'],
    [{ defaultApprovers: ['b@example.co.jp'], includeContent: 'yes' }, '$.approval.includeContent', 'true or false'],
    [{ approvers: [{ senders: [], approvers: ['b@example.co.jp'] }] }, '$.approval.approvers[0].senders', 'at least one sender'],
    [{ approvers: [{ senders: ['example.co.jp'] }] }, '$.approval.approvers[0].approvers', 'at least one approver'],
    [{ approvers: [{ senders: ['*'], approvers: ['b@example.co.jp'] }] }, '$.approval.approvers[0].senders[0]', 'not an address'],
    [{ defaultApprovers: ['b@example.co.jp'], when: { rules: ['approval-required'] } }, '$.approval.when.rules', 'cannot trigger itself'],
    [{ defaultApprovers: ['b@example.co.jp'], when: { rules: ['no-such-rule'] } }, '$.approval.when.rules[0]', 'must be one of'],
    [{ defaultApprovers: ['b@example.co.jp'], when: { personalData: ['dna'] } }, '$.approval.when.personalData[0]', 'must be one of'],
    [{ defaultApprovers: ['b@example.co.jp'], when: { recipient: 'external' } }, '$.approval.when.recipient', 'did you mean "recipients"'],
    [
      { defaultApprovers: Array.from({ length: 21 }, (_, index) => `b${index}@example.co.jp`) },
      '$.approval.defaultApprovers',
      'at most 20',
    ],
  ])('refuses %j at its path', (approval, path, message) => {
    const result = parsePolicy({ ...BASE, approval });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual(expect.objectContaining({ path, message: expect.stringContaining(message) }));
  });

  test('approval-required takes no severity: the approval key sets it', () => {
    const result = parsePolicy({ ...BASE, severities: { 'approval-required': 'info' } });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        {
          path: '$.severities["approval-required"]',
          message: 'set by $.approval, not here',
          code: 'policy.self-configured-rule',
          params: { key: '$.approval' },
        },
      ]);
  });
});

describe('who approves', () => {
  const approval = withApproval({
    approvers: [
      { senders: ['*@sales.example.co.jp'], approvers: ['sales-boss@example.co.jp'] },
      { senders: ['legal.example.co.jp'], approvers: ['legal-boss@example.co.jp', 'counsel@example.co.jp'] },
    ],
  }).approval!;

  test('the first route naming the sender, then the defaults', () => {
    expect(approversFor(approval, 'Taro@Sales.Example.co.jp')).toEqual(['sales-boss@example.co.jp']);
    expect(approversFor(approval, 'x@tokyo.legal.example.co.jp')).toEqual(['legal-boss@example.co.jp', 'counsel@example.co.jp']);
    expect(approversFor(approval, 'x@example.co.jp')).toEqual(['boss@example.co.jp']);
    expect(approversFor(approval, undefined)).toEqual(['boss@example.co.jp']);
  });

  test('never the sender themselves', () => {
    expect(approversFor(approval, 'counsel@legal.example.co.jp')).toEqual(['legal-boss@example.co.jp', 'counsel@example.co.jp']);
    expect(approversFor(approval, 'boss@example.co.jp')).toEqual([]);
  });
});

describe('when approval is needed', () => {
  test('with no trigger: every outside message, never internal mail', () => {
    const policy = withApproval({});
    const finding = approvalFinding(evaluate(OUTSIDE, policy, {}));
    expect(finding).toMatchObject({
      id: 'approval-required:message',
      severity: 'block',
      params: { approvers: 'boss@example.co.jp', reasons: 'scope' },
    });
    expect(evaluate(OUTSIDE, policy, {}).decision).toBe('block');
    expect(approvalFinding(evaluate(INSIDE, policy, {}))).toBeUndefined();
  });

  test('"always" covers internal mail too', () => {
    expect(approvalFinding(evaluate(INSIDE, withApproval({ when: { recipients: 'always' } }), {}))?.severity).toBe('block');
  });

  test('triggers: any one that holds', () => {
    const policy = withApproval({ when: { attachmentsOutside: true, minOutsideDomains: 2, rules: ['lookalike-domain'] } });
    expect(approvalFinding(evaluate(OUTSIDE, policy, {}))).toBeUndefined();
    const withFile = { ...OUTSIDE, attachments: [{ name: 'a.xlsx', size: 1, inline: false }] };
    expect(approvalFinding(evaluate(withFile, policy, {}))?.params['reasons']).toBe('attachments-outside');
    const inlineOnly = { ...OUTSIDE, attachments: [{ name: 'logo.png', size: 1, inline: true }] };
    expect(approvalFinding(evaluate(inlineOnly, policy, {}))).toBeUndefined();
    const twoDomains = { ...OUTSIDE, cc: people('b@partner.co.jp') };
    expect(approvalFinding(evaluate(twoDomains, policy, {}))?.params['reasons']).toBe('outside-domains');
    const lookalike = { ...OUTSIDE, to: people('a@examp1e.co.jp') };
    expect(approvalFinding(evaluate(lookalike, policy, {}))?.params['reasons']).toBe('rules');
  });

  test('personal data of a listed kind, as the personalData thresholds find it', () => {
    const policy = policyFrom({
      ...BASE,
      personalData: [
        { kind: 'my-number', atLeast: 1 },
        { kind: 'phone', atLeast: 1 },
      ],
      approval: { defaultApprovers: ['boss@example.co.jp'], when: { personalData: ['my-number'] } },
    });
    const tally = (kind: 'my-number' | 'phone') => ({ kind, high: 1, low: 0, highSamples: ['1234 **** ****'], lowSamples: [], parts: [] });
    const inspection = (kind: 'my-number' | 'phone'): InspectionSummary => ({ body: { personalData: [tally(kind)] }, attachments: [] });
    expect(approvalFinding(evaluate(OUTSIDE, policy, { inspection: inspection('my-number') }))?.params['reasons']).toBe('personal-data');
    expect(approvalFinding(evaluate(OUTSIDE, policy, { inspection: inspection('phone') }))).toBeUndefined();
  });

  test('a sender with no approver is still stopped, and told so', () => {
    const verdict = evaluate({ ...OUTSIDE, from: { address: 'boss@example.co.jp' } }, withApproval({}), {});
    expect(approvalFinding(verdict)).toMatchObject({ severity: 'block', messageKey: 'finding.approval-required.no-approver' });
  });
});

describe('an approval the host verified', () => {
  const policy = withApproval({});

  test('turns the finding into information with the same id, so the fingerprint stays', () => {
    const before = evaluate(OUTSIDE, policy, {});
    const after = evaluate(OUTSIDE, policy, { approval: { approver: 'boss@example.co.jp' } });
    expect(pendingApproval(before)?.id).toBe('approval-required:message');
    expect(pendingApproval(after)).toBeNull();
    expect(approvalFinding(after)).toMatchObject({
      id: 'approval-required:message',
      severity: 'info',
      params: { approver: 'boss@example.co.jp' },
    });
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(after.decision).toBe('confirm');
  });

  test('the approval fingerprint changes with recipients, subject, body and attachments, not with line breaks', () => {
    const fingerprint = (snapshot: typeof OUTSIDE) => approvalFingerprint(snapshot, evaluate(snapshot, policy, {}));
    const original = fingerprint(OUTSIDE);
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint({ ...OUTSIDE, body: 'Hello\r\n' })).toBe(original);
    expect(fingerprint({ ...OUTSIDE, body: 'Hello again' })).not.toBe(original);
    expect(fingerprint({ ...OUTSIDE, subject: 'Quote v2' })).not.toBe(original);
    expect(fingerprint({ ...OUTSIDE, cc: people('c@abc.co.jp') })).not.toBe(original);
    expect(fingerprint({ ...OUTSIDE, attachments: [{ name: 'a.pdf', size: 1, inline: false }] })).not.toBe(original);
  });
});
