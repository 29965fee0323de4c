// Lists with outside members and unknown lists (docs/policy.md "Mailing lists"): being such a list makes
// mail count as going outside for every rule that asks, and only then.
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/policy/evaluate.js';
import { emptyHistory } from '../../src/policy/history/recipient-history.js';
import { mailingListRule } from '../../src/policy/rules/mailing-list.js';
import type { Finding, InspectionSummary, MessageSnapshot, Policy, Recipient, Verdict } from '../../src/policy/types.js';
import { inspectedFile, message, policyFrom, runRule, tally } from './fixtures.js';

const FILE = { name: '名簿.xlsx', size: 2048, inline: false };
const INSPECTION: InspectionSummary = { attachments: [inspectedFile(FILE.name, FILE.size, { personalData: [tally('my-number', 1)] })] };

const BASE = {
  internalDomains: ['example.co.jp'],
  personalData: [{ kind: 'my-number', recipients: 'external', atLeast: 1, action: 'block' }],
  attachments: { protection: { internal: 'none', external: 'link' } },
};

function policyWith(document: Record<string, unknown>): Policy {
  return policyFrom({ ...BASE, ...document });
}

const WITH_PARTNERS = policyWith({
  mailingLists: ['*-all@example.co.jp', { address: 'project-x@example.co.jp', externalDomains: ['Partner.co.jp', 'vendor.example'] }],
});

function mailTo(recipient: Recipient): MessageSnapshot {
  return message({ to: [{ address: 'jiro@example.co.jp' }, recipient], attachments: [FILE] });
}

function verdictFor(recipient: Recipient, policy: Policy): Verdict {
  return evaluate(mailTo(recipient), policy, { inspection: INSPECTION });
}

function rules(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((finding) => finding.rule))].sort();
}

const OUTSIDE_RULES = ['attachment-to-external', 'external-recipient', 'personal-data', 'unprotected-attachment'];

describe('a list with outside members', () => {
  test('counts as sending outside: attachments, personal data, protection and confirmation apply', () => {
    const verdict = verdictFor({ address: 'Project-X@example.co.jp', name: 'Project X' }, WITH_PARTNERS);
    expect(rules(verdict.findings).filter((rule) => OUTSIDE_RULES.includes(rule))).toEqual(OUTSIDE_RULES);
    expect(verdict.findings.find((finding) => finding.rule === 'unprotected-attachment')?.messageKey).toBe(
      'finding.unprotected-attachment.link.external',
    );
    expect(verdict.findings.find((finding) => finding.rule === 'external-recipient')).toEqual({
      id: 'external-recipient:list:project-x@example.co.jp',
      rule: 'external-recipient',
      severity: 'confirm',
      targets: [{ kind: 'recipient', address: 'Project-X@example.co.jp', field: 'to' }],
      messageKey: 'finding.external-recipient.list',
      params: { address: 'Project-X@example.co.jp', domains: 'partner.co.jp, vendor.example', ascii: 'partner.co.jp, vendor.example' },
    });
  });

  test('is on the checklist as an outside recipient with its outside domains', () => {
    const verdict = evaluate(mailTo({ address: 'project-x@example.co.jp' }), WITH_PARTNERS, {});
    expect(verdict.checklist.filter((item) => item.kind === 'recipient')).toEqual([
      expect.objectContaining({ address: 'project-x@example.co.jp', external: true, outsideDomains: ['partner.co.jp', 'vendor.example'] }),
    ]);
  });

  test('keeps a tick of its own when outside recipients are confirmed per domain', () => {
    const policy = policyWith({ confirmPer: 'domain', mailingLists: WITH_PARTNERS.mailingLists });
    const verdict = evaluate(message({ to: [{ address: 'project-x@example.co.jp' }, { address: 'a@partner.co.jp' }] }), policy, {});
    expect(verdict.checklist.map((item) => item.id)).toEqual([
      'recipient:to:project-x@example.co.jp',
      'domain:partner.co.jp',
      'finding:mailing-list:to:project-x@example.co.jp',
    ]);
  });

  test('is not an outside address: it adds no outside domain of its own', () => {
    const policy = policyWith({ bccSuggestThreshold: 2, mailingLists: WITH_PARTNERS.mailingLists });
    const verdict = evaluate(message({ to: [{ address: 'project-x@example.co.jp' }, { address: 'a@partner.co.jp' }] }), policy, {});
    expect(rules(verdict.findings)).not.toContain('many-domains-visible');
    expect(verdict.findings.filter((finding) => finding.rule === 'external-recipient').map((finding) => finding.id)).toEqual([
      'external-recipient:partner.co.jp',
      'external-recipient:list:project-x@example.co.jp',
    ]);
  });

  test('a plain-string list at an internal domain keeps the mail internal', () => {
    const verdict = verdictFor({ address: 'sales-all@example.co.jp' }, WITH_PARTNERS);
    expect(rules(verdict.findings)).toEqual(['mailing-list']);
    expect(verdict.checklist).toEqual([
      { id: 'finding:mailing-list:to:sales-all@example.co.jp', kind: 'finding', findingId: 'mailing-list:to:sales-all@example.co.jp' },
    ]);
  });

  test('an exclusion takes an address out of a list with outside members', () => {
    const policy = policyWith({
      mailingLists: [{ address: '*@lists.example.co.jp', externalDomains: ['partner.co.jp'] }, '-board@lists.example.co.jp'],
    });
    expect(rules(verdictFor({ address: 'dev@lists.example.co.jp' }, policy).findings)).toEqual([...OUTSIDE_RULES, 'mailing-list'].sort());
    expect(rules(verdictFor({ address: 'board@lists.example.co.jp' }, policy).findings)).toEqual([]);
  });
});

describe('a list with outside members belongs to the partners it reaches', () => {
  const policy = policyFrom({
    internalDomains: ['example.co.jp'],
    mailingLists: [{ address: 'pj@example.co.jp', externalDomains: ['abc.co.jp'] }],
    partners: [
      { name: 'ABC商事', domains: ['abc.co.jp'] },
      { name: 'XYZ物産', domains: ['xyz.co.jp'] },
    ],
  });
  test.each([
    ['the other partner named', 'XYZ物産 御中', ['attachment-mismatch:subject']],
    ['its own partner named', 'ABC商事 御中', []],
  ])('%s', (_name, subject, expected) => {
    const findings = evaluate(message({ to: [{ address: 'pj@example.co.jp' }], subject }), policy, {}).findings;
    expect(findings.filter((finding) => finding.rule === 'attachment-mismatch').map((finding) => finding.id)).toEqual(expected);
  });
});

test('a list at an internal address is no first-time recipient: the history keeps outside addresses', () => {
  const policy = policyWith({ mailingLists: WITH_PARTNERS.mailingLists, recipientHistory: { enabled: true } });
  const verdict = evaluate(
    message({ to: [{ address: 'pj@example.co.jp' }, { address: 'project-x@example.co.jp' }, { address: 'a@new.example' }] }),
    policy,
    {
      history: emptyHistory('DDDDDDDDDDDDDDDDDDDDDD'),
    },
  );
  expect(verdict.findings.filter((finding) => finding.rule === 'first-time-recipient').map((finding) => finding.id)).toEqual([
    'first-time-recipient:to:a@new.example',
  ]);
});

describe('unknownLists', () => {
  test.each<[string, 'confirm' | 'treat-as-external' | undefined, Recipient['type'], string[]]>([
    ['default, a distribution list', undefined, 'distributionList', ['mailing-list']],
    ['confirm, a distribution list', 'confirm', 'distributionList', ['mailing-list']],
    ['confirm, other', 'confirm', 'other', ['mailing-list']],
    ['treat-as-external, a distribution list', 'treat-as-external', 'distributionList', [...OUTSIDE_RULES, 'mailing-list'].sort()],
    ['treat-as-external, other', 'treat-as-external', 'other', [...OUTSIDE_RULES, 'mailing-list'].sort()],
    ['treat-as-external, a person', 'treat-as-external', 'user', []],
  ])('%s', (_name, unknownLists, type, expected) => {
    const policy = policyWith(unknownLists === undefined ? {} : { unknownLists });
    const recipient: Recipient = type === undefined ? { address: 'team@example.co.jp' } : { address: 'team@example.co.jp', type };
    expect(rules(verdictFor(recipient, policy).findings)).toEqual(expected);
  });

  test('treat-as-external names the list, its members unknown', () => {
    const policy = policyWith({ unknownLists: 'treat-as-external' });
    const verdict = verdictFor({ address: 'team@example.co.jp', type: 'distributionList' }, policy);
    expect(verdict.findings.find((finding) => finding.rule === 'external-recipient')).toMatchObject({
      id: 'external-recipient:list:team@example.co.jp',
      messageKey: 'finding.external-recipient.unknownList',
      params: { address: 'team@example.co.jp' },
    });
  });

  test('a list the policy names is not unknown', () => {
    const policy = policyWith({ unknownLists: 'treat-as-external', mailingLists: ['team@example.co.jp'] });
    expect(rules(verdictFor({ address: 'team@example.co.jp', type: 'distributionList' }, policy).findings)).toEqual(['mailing-list']);
  });
});

describe('mailingLists takes the recipient-list forms', () => {
  const policy = policyFrom({
    internalDomains: ['example.co.jp'],
    mailingLists: [
      'lists.example.co.jp',
      '@groups.example.co.jp',
      '?-all@example.co.jp',
      '-ceo@lists.example.co.jp',
      '# the board list is private',
      '@',
    ],
  });
  test.each<[string, Recipient, string | null]>([
    ['a domain covers its addresses', { address: 'dev@lists.example.co.jp' }, 'lists.example.co.jp'],
    ['a domain covers its subdomains', { address: 'dev@jp.lists.example.co.jp' }, 'lists.example.co.jp'],
    ['@domain covers that domain', { address: 'dev@groups.example.co.jp' }, '@groups.example.co.jp'],
    ['@domain does not cover subdomains', { address: 'dev@jp.groups.example.co.jp' }, null],
    ['? stands for one character', { address: 'a-all@example.co.jp' }, '?-all@example.co.jp'],
    ['? is not two characters', { address: 'ab-all@example.co.jp' }, null],
    ['an exclusion', { address: 'CEO@lists.example.co.jp' }, null],
    ['@ covers a recipient without a domain', { address: 'Sales Team', type: 'user' }, '@'],
    ['an unlisted address', { address: 'taro@example.co.jp' }, null],
  ])('%s', (_name, recipient, pattern) => {
    const findings = runRule(mailingListRule, message({ to: [recipient] }), policy);
    expect(findings.map((finding) => finding.params['pattern'])).toEqual(pattern === null ? [] : [pattern]);
  });
});
