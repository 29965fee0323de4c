import { describe, expect, test } from 'vitest';
import { mailingListRule } from '../../../src/policy/rules/mailing-list.js';
import type { Recipient } from '../../../src/policy/types.js';
import { message, policyFrom, runRule } from '../fixtures.js';

const POLICY = policyFrom({
  internalDomains: ['example.co.jp'],
  mailingLists: ['*-all@example.co.jp', '*@lists.example.co.jp', 'press@partner.co.jp'],
});

describe('mailing-list', () => {
  test.each<[string, Recipient, string | null]>([
    ['a person', { address: 'taro@example.co.jp', type: 'user' }, null],
    ['an external person', { address: 'bob@evil.com', type: 'externalUser' }, null],
    ['no type given', { address: 'bob@evil.com' }, null],
    ['a listed pattern', { address: 'sales-all@example.co.jp' }, 'finding.mailing-list'],
    ['a listed pattern in upper case', { address: 'SALES-ALL@EXAMPLE.CO.JP' }, 'finding.mailing-list'],
    ['a listed list domain', { address: 'dev@lists.example.co.jp', type: 'user' }, 'finding.mailing-list'],
    ['a listed external address', { address: 'Press@Partner.co.jp' }, 'finding.mailing-list'],
    ['the pattern domain inside a foreign one', { address: 'sales-all@example.co.jp.evil.com' }, null],
    ['a one-character domain (FlexConfirmMail slip)', { address: 'sales-all@x.jp' }, null],
    ['Outlook says distribution list', { address: 'team@example.co.jp', type: 'distributionList' }, 'finding.mailing-list.type'],
    ['Outlook says other', { address: 'team@evil.com', type: 'other' }, 'finding.mailing-list.type'],
    ['a typed list without an address', { address: '', name: 'Sales', type: 'distributionList' }, 'finding.mailing-list.type'],
    [
      'a listed address typed as list: the policy match wins',
      { address: 'a-all@example.co.jp', type: 'distributionList' },
      'finding.mailing-list',
    ],
  ])('%s', (_name, recipient, messageKey) => {
    const findings = runRule(mailingListRule, message({ cc: [recipient] }), POLICY);
    expect(findings.map((finding) => finding.messageKey)).toEqual(messageKey === null ? [] : [messageKey]);
  });

  test('one finding per recipient and field, naming the pattern', () => {
    const snapshot = message({ to: [{ address: 'sales-all@example.co.jp' }], bcc: [{ address: 'Sales-All@example.co.jp' }] });
    expect(runRule(mailingListRule, snapshot, POLICY)).toEqual([
      {
        id: 'mailing-list:to:sales-all@example.co.jp',
        rule: 'mailing-list',
        severity: 'confirm',
        targets: [{ kind: 'recipient', address: 'sales-all@example.co.jp', field: 'to' }],
        messageKey: 'finding.mailing-list',
        params: { address: 'sales-all@example.co.jp', pattern: '*-all@example.co.jp', type: '' },
      },
      expect.objectContaining({ id: 'mailing-list:bcc:sales-all@example.co.jp' }),
    ]);
  });

  test('empty recipient lists give nothing', () => {
    expect(runRule(mailingListRule, message(), POLICY)).toEqual([]);
  });
});
