import { describe, expect, test } from 'vitest';
import { externalRecipientRule } from '../../../src/policy/rules/external-recipient.js';
import type { Recipient } from '../../../src/policy/types.js';
import { ids, message, people, policyFrom, runRule } from '../fixtures.js';

describe('external-recipient', () => {
  test.each<[string, { to?: Recipient[]; cc?: Recipient[]; bcc?: Recipient[] }, string[]]>([
    ['no recipients', {}, []],
    [
      'internal only, in every spelling',
      { to: people('a@example.co.jp', 'B@MAIL.EXAMPLE.CO.JP.', 'c@日本語.jp', 'd@ｅｘａｍｐｌｅ．ｃｏ．ｊｐ') },
      [],
    ],
    ['one external', { to: people('a@evil.com') }, ['external-recipient:evil.com']],
    ['our domain inside a foreign one', { to: people('a@example.co.jp.evil.com') }, ['external-recipient:example.co.jp.evil.com']],
    ['a trusted partner is still external', { cc: people('h@partner.co.jp') }, ['external-recipient:partner.co.jp']],
    [
      'one finding per domain, across fields',
      { to: people('a@evil.com'), cc: people('b@EVIL.com'), bcc: people('c@other.jp') },
      ['external-recipient:evil.com', 'external-recipient:other.jp'],
    ],
    ['an IDN domain by its punycode', { to: people('a@例え.jp', 'b@xn--r8jz45g.jp') }, ['external-recipient:xn--r8jz45g.jp']],
    ['no domain, no finding here (unresolved-recipient covers it)', { to: people('Sales Team', '') }, []],
  ])('%s', (_name, fields, expected) => {
    expect(ids(runRule(externalRecipientRule, message(fields)))).toEqual(expected);
  });

  test('targets every recipient of the domain; params carry both forms', () => {
    const [finding] = runRule(externalRecipientRule, message({ to: people('a@例え.jp'), bcc: people('b@xn--r8jz45g.jp') }));
    expect(finding).toEqual({
      id: 'external-recipient:xn--r8jz45g.jp',
      rule: 'external-recipient',
      severity: 'confirm',
      targets: [
        { kind: 'recipient', address: 'a@例え.jp', field: 'to' },
        { kind: 'recipient', address: 'b@xn--r8jz45g.jp', field: 'bcc' },
      ],
      messageKey: 'finding.external-recipient',
      params: { domain: '例え.jp', ascii: 'xn--r8jz45g.jp', count: 2 },
    });
  });

  test('with no internal domains everything is external', () => {
    const policy = policyFrom({});
    expect(ids(runRule(externalRecipientRule, message({ to: people('a@example.co.jp') }), policy))).toEqual([
      'external-recipient:example.co.jp',
    ]);
  });

  test('the policy severity applies', () => {
    const policy = policyFrom({ internalDomains: ['example.co.jp'], severities: { 'external-recipient': 'info' } });
    expect(runRule(externalRecipientRule, message({ to: people('a@evil.com') }), policy)[0]?.severity).toBe('info');
  });
});
