import { describe, expect, test } from 'vitest';
import { evaluate } from '../../../src/policy/evaluate.js';
import { parsePolicy } from '../../../src/policy/parse-policy.js';
import { emptyHistory, recordRecipients, type RecipientHistory } from '../../../src/policy/history/recipient-history.js';
import { classifyRecipients } from '../../../src/policy/classify.js';
import { firstTimeRecipientRule, MAX_NEAREST_SEARCHES } from '../../../src/policy/rules/first-time-recipient.js';
import type { MessageSnapshot, Policy } from '../../../src/policy/types.js';
import { ids, message, people, policyFrom, POLICY } from '../fixtures.js';

const KEY = 'BBBBBBBBBBBBBBBBBBBBBB';
const LIMITS = { days: 365, maxEntries: 100 };
const HISTORY = recordRecipients(emptyHistory(KEY), ['tanaka.k@partner.co.jp', 'info@client.example'], 20_000, LIMITS);

function run(snapshot: MessageSnapshot, history: RecipientHistory | null = HISTORY, policy: Policy = POLICY) {
  return firstTimeRecipientRule({
    snapshot,
    policy,
    recipients: classifyRecipients(snapshot, policy),
    ...(history === null ? {} : { history }),
  });
}

describe('first-time-recipient', () => {
  test.each<[string, string[], string[]]>([
    ['an address written to before', ['info@client.example'], []],
    ['the same address in another case and width', ['ＩＮＦＯ@Client.Example'], []],
    ['an address never written to', ['sato@other.example'], ['first-time-recipient:to:sato@other.example']],
    ['an internal recipient is never new', ['me@example.co.jp'], []],
    ['a trusted partner still is', ['suzuki@partner.co.jp'], ['first-time-recipient:to:suzuki@partner.co.jp']],
    ['a recipient without a domain is left to unresolved-recipient', ['Tanaka Taro'], []],
  ])('%s', (_name, to, expected) => {
    expect(ids(run(message({ to: people(...to) })))).toEqual(expected);
  });

  test('tells a new address at a known domain, with the nearest known address', () => {
    const findings = run(message({ to: people('tanaka@partner.co.jp', 'sales@client.example', 'a@new.example') }));
    expect(findings.map((finding) => [finding.messageKey, finding.params])).toEqual([
      ['finding.first-time-recipient.nearest', { address: 'tanaka@partner.co.jp', nearest: 'tanaka.k@partner.co.jp' }],
      ['finding.first-time-recipient.known-domain', { address: 'sales@client.example' }],
      ['finding.first-time-recipient', { address: 'a@new.example' }],
    ]);
    expect(findings[0]?.targets).toEqual([{ kind: 'recipient', address: 'tanaka@partner.co.jp', field: 'to' }]);
  });

  test(`searches for the nearest address for at most ${MAX_NEAREST_SEARCHES} addresses a message`, () => {
    const history = recordRecipients(emptyHistory(KEY), ['tanaka.k@partner.co.jp'], 20_000, LIMITS);
    const many = Array.from({ length: MAX_NEAREST_SEARCHES + 2 }, (_, index) => `user${index}@partner.co.jp`);
    const findings = run(message({ to: people(...many, 'tanaka@partner.co.jp') }), history);
    expect(findings).toHaveLength(many.length + 1);
    // The typo comes after the searches ran out: still called out as a new address at a known domain.
    expect(findings.at(-1)?.messageKey).toBe('finding.first-time-recipient.known-domain');
    expect(run(message({ to: people('tanaka@partner.co.jp') }), history)[0]?.messageKey).toBe('finding.first-time-recipient.nearest');
  });

  test('says nothing without a history, or when the policy turns it off', () => {
    const to = people('sato@other.example');
    expect(run(message({ to }), null)).toEqual([]);
    expect(run(message({ to }), HISTORY, policyFrom({ ...POLICY_DOCUMENT, recipientHistory: { enabled: false } }))).toEqual([]);
  });

  test('takes its severity from severities', () => {
    const policy = policyFrom({ ...POLICY_DOCUMENT, severities: { 'first-time-recipient': 'block' } });
    expect(run(message({ to: people('sato@other.example') }), HISTORY, policy).map((finding) => finding.severity)).toEqual(['block']);
  });
});

const POLICY_DOCUMENT = { internalDomains: ['example.co.jp'], trustedDomains: ['partner.co.jp'] };

describe('first-time-recipient in a verdict', () => {
  const snapshot = message({ to: people('sato@other.example', 'info@client.example') });

  test('is shown on the recipient row and adds no tick of its own', () => {
    const verdict = evaluate(snapshot, POLICY, { history: HISTORY });
    expect(verdict.decision).toBe('confirm');
    expect(verdict.checklist.map((item) => item.id)).toEqual(['recipient:to:sato@other.example', 'recipient:to:info@client.example']);
    expect(verdict.checklist[0]).toMatchObject({
      findingIds: ['external-recipient:other.example', 'first-time-recipient:to:sato@other.example'],
    });
  });

  test('needs its own tick when outside recipients have no row', () => {
    const policy = policyFrom({ ...POLICY_DOCUMENT, severities: { 'external-recipient': 'info' } });
    expect(evaluate(message({ to: people('info@client.example') }), policy, { history: HISTORY }).decision).toBe('allow');
    const verdict = evaluate(snapshot, policy, { history: HISTORY });
    expect(verdict.checklist.map((item) => item.id)).toEqual(['finding:first-time-recipient:to:sato@other.example']);
  });

  test('a history that moved on does not change what a confirmation covers', () => {
    const before = evaluate(snapshot, POLICY, { history: HISTORY });
    const later = recordRecipients(HISTORY, ['sato@other.example'], 20_001, LIMITS);
    const after = evaluate(snapshot, POLICY, { history: later });
    expect(after.findings.map((finding) => finding.rule)).not.toContain('first-time-recipient');
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(evaluate(snapshot, POLICY, {}).fingerprint).toBe(before.fingerprint);
  });
});

describe('recipientHistory in the policy', () => {
  test('is on by default, a year back, as many entries as the roaming settings hold', () => {
    expect(policyFrom({}).recipientHistory).toEqual({ enabled: true, days: 365, maxEntries: 1800 });
    expect(policyFrom({ recipientHistory: { days: 90 } }).recipientHistory).toEqual({ enabled: true, days: 90, maxEntries: 1800 });
  });

  test.each<[string, unknown, string, string]>([
    ['not an object', true, '$.recipientHistory', 'policy.expected-object'],
    ['enabled not a boolean', { enabled: 'yes' }, '$.recipientHistory.enabled', 'policy.expected-boolean'],
    ['days of 0', { days: 0 }, '$.recipientHistory.days', 'policy.out-of-range'],
    ['more entries than fit', { maxEntries: 1801 }, '$.recipientHistory.maxEntries', 'policy.out-of-range'],
    ['an unknown key', { keep: 10 }, '$.recipientHistory.keep', 'policy.unknown-key'],
  ])('refuses %s, with its path', (_name, value, path, code) => {
    const result = parsePolicy({ recipientHistory: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => [problem.path, problem.code])).toEqual([[path, code]]);
  });
});
