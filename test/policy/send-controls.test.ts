import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/policy/evaluate.js';
import { parsePolicy } from '../../src/policy/parse-policy.js';
import { holdUntil, sendControls, withoutAutoBcc } from '../../src/policy/send-controls.js';
import { message, people, policyFrom } from './fixtures.js';

const BASE = { internalDomains: ['example.co.jp'], bccSuggestThreshold: 0 };
const SUPERVISOR = 'boss@example.co.jp';

describe('the policy keys for the controls at Send', () => {
  test('default to off: suggest, no hold, no automatic Bcc', () => {
    const policy = policyFrom(BASE);
    expect(policy.bccAction).toBe('suggest');
    expect(policy.delaySend).toEqual({ minutes: 0, when: 'external' });
    expect(policy.autoBcc).toEqual({ addresses: [], when: 'external' });
  });

  test('normalise addresses and keep the scope', () => {
    const policy = policyFrom({
      ...BASE,
      bccAction: 'move',
      delaySend: { minutes: 5, when: 'always' },
      autoBcc: { addresses: ['Boss@Example.co.jp'] },
    });
    expect(policy.bccAction).toBe('move');
    expect(policy.delaySend).toEqual({ minutes: 5, when: 'always' });
    expect(policy.autoBcc).toEqual({ addresses: [SUPERVISOR], when: 'external' });
  });

  test.each<[Record<string, unknown>, string, string]>([
    [{ bccAction: 'moves' }, '$.bccAction', 'must be one of'],
    [{ delaySend: { minutes: -1 } }, '$.delaySend.minutes', ''],
    [{ delaySend: { minutes: 1441 } }, '$.delaySend.minutes', ''],
    [{ delaySend: { minutes: 5, when: 'sometimes' } }, '$.delaySend.when', ''],
    [{ delaySend: { minutes: 5, whn: 'always' } }, '$.delaySend.whn', 'did you mean "when"'],
    [{ delaySend: 5 }, '$.delaySend', 'must be an object with "minutes" and "when"'],
    [{ autoBcc: { addresses: ['not an address'] } }, '$.autoBcc.addresses[0]', 'not a valid email address'],
    [{ autoBcc: { addresses: Array.from({ length: 11 }, (_, index) => `a${index}@example.co.jp`) } }, '$.autoBcc.addresses', 'at most 10'],
  ])('refuse %j at its path', (document, path, message) => {
    const result = parsePolicy({ ...BASE, ...document });
    expect(result.ok).toBe(false);
    const problem = result.ok ? undefined : result.problems.find((entry) => entry.path === path);
    expect(problem, JSON.stringify(result)).toBeDefined();
    expect(problem?.message).toContain(message);
  });
});

describe('sendControls', () => {
  const policy = policyFrom({
    ...BASE,
    delaySend: { minutes: 5, when: 'external' },
    autoBcc: { addresses: [SUPERVISOR], when: 'external' },
  });

  test('holds and copies mail that goes outside', () => {
    expect(sendControls(message({ to: people('hanako@partner.co.jp') }), policy)).toEqual({ delayMinutes: 5, addBcc: [SUPERVISOR] });
  });

  test('leaves internal mail alone when the scope is external', () => {
    expect(sendControls(message({ to: people('jiro@example.co.jp') }), policy)).toEqual({ delayMinutes: 0, addBcc: [] });
  });

  test('acts on internal mail too when the scope is always', () => {
    const always = policyFrom({ ...BASE, delaySend: { minutes: 2, when: 'always' }, autoBcc: { addresses: [SUPERVISOR], when: 'always' } });
    expect(sendControls(message({ to: people('jiro@example.co.jp') }), always)).toEqual({ delayMinutes: 2, addBcc: [SUPERVISOR] });
  });

  test('adds only the copies not already on the message, wherever the user put them', () => {
    const snapshot = message({ to: people('hanako@partner.co.jp'), cc: people('BOSS@example.co.jp') });
    expect(sendControls(snapshot, policy).addBcc).toEqual([]);
  });

  test('never holds or copies a meeting request', () => {
    expect(sendControls({ ...message({ to: people('hanako@partner.co.jp') }), kind: 'meeting' }, policy)).toEqual({
      delayMinutes: 0,
      addBcc: [],
    });
  });

  test('an automatic copy alone does not make the mail external', () => {
    const outside = policyFrom({
      ...BASE,
      delaySend: { minutes: 5, when: 'external' },
      autoBcc: { addresses: ['archive@vault.example'], when: 'always' },
    });
    const snapshot = message({ to: people('jiro@example.co.jp'), bcc: people('archive@vault.example') });
    expect(sendControls(snapshot, outside)).toEqual({ delayMinutes: 0, addBcc: [] });
  });
});

describe('automatic Bcc copies are not what the user confirms', () => {
  const policy = policyFrom({ ...BASE, autoBcc: { addresses: ['archive@vault.example'], when: 'always' } });

  test('withoutAutoBcc drops them from Bcc only', () => {
    const snapshot = message({ to: people('archive@vault.example'), bcc: people('Archive@Vault.example', 'ken@example.co.jp') });
    const written = withoutAutoBcc(snapshot, policy);
    expect(written.bcc.map((recipient) => recipient.address)).toEqual(['ken@example.co.jp']);
    expect(written.to).toEqual(snapshot.to);
  });

  test('the verdict and its fingerprint are the same with or without the added copy', () => {
    const before = message({ to: people('hanako@partner.co.jp') });
    const after = message({ to: people('hanako@partner.co.jp'), bcc: people('archive@vault.example') });
    const first = evaluate(before, policy, {});
    const second = evaluate(after, policy, {});
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(second.checklist.map((item) => item.id)).toEqual(first.checklist.map((item) => item.id));
  });
});

describe('holdUntil', () => {
  const now = Date.UTC(2026, 11, 6, 9, 0);

  test('now plus the hold when the user set nothing', () => {
    expect(holdUntil(now, 5, 0)).toBe(now + 5 * 60_000);
  });

  test('keeps a later time the user chose', () => {
    expect(holdUntil(now, 5, now + 60 * 60_000)).toBeNull();
  });

  test('moves an earlier time the user chose to the end of the hold', () => {
    expect(holdUntil(now, 5, now + 60_000)).toBe(now + 5 * 60_000);
  });

  test('nothing without a hold', () => {
    expect(holdUntil(now, 0, 0)).toBeNull();
  });
});
