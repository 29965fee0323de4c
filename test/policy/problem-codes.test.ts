// Every policy problem has a stable code with text in both languages (src/i18n/tables/policy-problems.ts),
// the parser gives each problem one, and docs/policy.md lists exactly these codes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyProblemText } from '../../src/i18n/policy-problem-text.js';
import { POLICY_PROBLEM_STRINGS } from '../../src/i18n/tables/policy-problems.js';
import { MAX_APPROVERS } from '../../src/policy/parse-approval.js';
import { parsePolicy } from '../../src/policy/parse-policy.js';
import { MAX_AUTO_BCC } from '../../src/policy/parse-send-controls.js';
import type { PolicyProblem, PolicyProblemCode } from '../../src/policy/types.js';

const CODES = Object.keys(POLICY_PROBLEM_STRINGS.en) as PolicyProblemCode[];
/**
 * Made by the server's file reader (src/server/policy-file.ts, test/server) or from the document's text
 * (duplicateKeyProblems, test/policy/json/duplicate-keys.test.ts), not by parsePolicy.
 */
const FILE_CODES: readonly PolicyProblemCode[] = [
  'policy.syntax',
  'policy.file-missing',
  'policy.file-unreadable',
  'policy.not-utf8',
  'policy.duplicate-key',
];

const addresses = (count: number) => Array.from({ length: count }, (_, index) => `person${index}@example.co.jp`);
const route = (senders: unknown[]) => ({ approvers: [{ senders, approvers: ['boss@example.co.jp'] }] });

/** One document per code that makes parsePolicy report it. */
const DOCUMENTS: readonly (readonly [PolicyProblemCode, unknown])[] = [
  ['policy.expected-document', null],
  ['policy.forbidden-key', JSON.parse('{"__proto__": 1}')],
  ['policy.unknown-key', { zzzzzzzzzz: 1 }],
  ['policy.unknown-key-hint', { internalDomain: [] }],
  ['policy.unknown-rule', { severities: { zzzzzzzzzz: 'info' } }],
  ['policy.unknown-rule-hint', { severities: { 'new-domains': 'info' } }],
  ['policy.required', { keywords: [{ action: 'warn' }] }],
  ['policy.expected-object', { keywords: ['x'] }],
  ['policy.expected-array', { internalDomains: 'example.co.jp' }],
  ['policy.expected-string', { internalDomains: [1] }],
  ['policy.expected-non-empty-string', { keywords: [{ term: ' ' }] }],
  ['policy.expected-boolean', { confirmInternalOnly: 'yes' }],
  ['policy.expected-choice', { onError: 'ignore' }],
  ['policy.expected-integer', { bccSuggestThreshold: 'many' }],
  ['policy.out-of-range', { bccSuggestThreshold: -1 }],
  ['policy.too-long', { keywords: [{ term: 'x'.repeat(201) }] }],
  ['policy.expected-version', { version: 'one' }],
  ['policy.unsupported-version', { version: 2 }],
  ['policy.expected-schema-url', { $schema: 1 }],
  ['policy.expected-severities', { severities: [] }],
  ['policy.self-configured-rule', { severities: { 'approval-required': 'info' } }],
  ['policy.invalid-domain', { personalMailDomains: { add: ['exa mple.co.jp'] } }],
  ['policy.invalid-domain-address', { personalMailDomains: { add: ['taro@example.co.jp'] } }],
  ['policy.invalid-domain-wildcard', { personalMailDomains: { remove: ['*.example.co.jp'] } }],
  ['policy.invalid-recipient', { blockedRecipients: ['not an address'] }],
  ['policy.invalid-recipient-last-label', { blockedRecipients: ['*@rival.*'] }],
  ['policy.empty-exclusion', { trustedDomains: ['-'] }],
  ['policy.invalid-list-pattern', { mailingLists: ['all@'] }],
  ['policy.expected-list-entry', { mailingLists: [1] }],
  ['policy.list-address-not-inclusion', { mailingLists: [{ address: '-all@example.co.jp', externalDomains: ['partner.co.jp'] }] }],
  ['policy.invalid-sender', { approval: route(['not a sender']) }],
  ['policy.invalid-address', { autoBcc: { addresses: ['nobody'] } }],
  ['policy.empty-list', { approval: route([]) }],
  ['policy.empty-choice', { keywords: [{ term: '見積', where: [] }] }],
  [
    'policy.duplicate',
    {
      personalData: [
        { kind: 'email', atLeast: 1 },
        { kind: 'email', atLeast: 1 },
      ],
    },
  ],
  ['policy.duplicate-keyword', { keywords: [{ term: '見積' }, { term: ' 見積 ' }] }],
  [
    'policy.partner-name-taken',
    {
      partners: [
        { name: 'ABC', domains: ['abc.example'] },
        { name: 'ABC', domains: ['abc2.example'] },
      ],
    },
  ],
  ['policy.too-many-approvers', { approval: { defaultApprovers: addresses(MAX_APPROVERS + 1) } }],
  ['policy.too-many-addresses', { autoBcc: { addresses: addresses(MAX_AUTO_BCC + 1) } }],
  ['policy.approval-self-trigger', { approval: { when: { rules: ['approval-required'] }, defaultApprovers: ['boss@example.co.jp'] } }],
  ['policy.no-approver', { approval: {} }],
  ['policy.rule-not-in-dialog', { dialogConfirm: { rules: ['personal-data'] } }],
];

/** Their English message names what the items are (`an array of domain names`); the code's text leaves that to the path. */
const WORDED_BY_CONTEXT: ReadonlySet<PolicyProblemCode> = new Set([
  'policy.expected-array',
  'policy.expected-string',
  'policy.expected-object',
  'policy.empty-list',
]);

function problemsOf(document: unknown): readonly PolicyProblem[] {
  const result = parsePolicy(document);
  return result.ok ? [] : result.problems;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

describe('policy problem codes', () => {
  it.each(CODES)('%s has English and Japanese text with the same placeholders', (code) => {
    const english = POLICY_PROBLEM_STRINGS.en[code];
    const japanese = POLICY_PROBLEM_STRINGS.ja[code];
    expect(english).not.toBe('');
    expect(japanese).not.toBe(english);
    expect(japanese).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(placeholders(japanese)).toEqual(placeholders(english));
  });

  it.each(DOCUMENTS)('%s is what the parser reports, its text filled in both languages', (code, document) => {
    const problems = problemsOf(document);
    expect(problems.map((problem) => problem.code)).toContain(code);
    for (const problem of problems) {
      for (const locale of ['en', 'ja'] as const) expect(policyProblemText(locale, problem), problem.code).not.toMatch(/\{\w+\}/);
    }
  });

  it('covers every code: each is made by the parser or by the server reading the file', () => {
    expect([...DOCUMENTS.map(([code]) => code), ...FILE_CODES].sort()).toEqual([...CODES].sort());
  });

  it("keeps the English message the code's English text gives", () => {
    for (const [, document] of DOCUMENTS) {
      for (const problem of problemsOf(document)) {
        if (WORDED_BY_CONTEXT.has(problem.code)) continue;
        expect(policyProblemText('en', problem)).toBe(problem.message);
      }
    }
  });

  it('says in Japanese what is wrong, with the values it names', () => {
    const [problem] = problemsOf({ internalDomain: ['example.co.jp'] });
    expect(problem === undefined ? '' : policyProblemText('ja', problem)).toBe(
      '不明なキー "internalDomain" です（"internalDomains" の誤りではありませんか）',
    );
  });

  it('lists exactly these codes in docs/policy.md', () => {
    const docs = readFileSync(resolve(import.meta.dirname, '../../docs/policy.md'), 'utf8');
    const documented = [...docs.matchAll(/^\| `(policy\.[a-z0-9-]+)` \|/gm)].map((match) => match[1]);
    expect([...documented].sort()).toEqual([...CODES].sort());
  });
});
