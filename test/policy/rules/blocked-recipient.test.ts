import { describe, expect, test } from 'vitest';
import { blockedRecipientRule } from '../../../src/policy/rules/blocked-recipient.js';
import { ids, message, people, policyFrom, runRule } from '../fixtures.js';

const POLICY = policyFrom({
  internalDomains: ['example.co.jp'],
  blockedRecipients: ['Former@Example.co.jp', '@leak.example', 'rival.co.jp', '競合.jp', '"a@b"@evil.com'],
});

describe('blocked-recipient', () => {
  test.each([
    ['a listed address', 'former@example.co.jp', ['blocked-recipient:to:former@example.co.jp']],
    ['a listed address in upper case with a root dot', 'FORMER@EXAMPLE.CO.JP.', ['blocked-recipient:to:former@example.co.jp']],
    ['another address of that domain', 'taro@example.co.jp', []],
    ['a listed domain', 'x@leak.example', ['blocked-recipient:to:x@leak.example']],
    ['a subdomain of a listed domain', 'x@mail.rival.co.jp', ['blocked-recipient:to:x@mail.rival.co.jp']],
    ['a listed domain inside a foreign one', 'x@rival.co.jp.evil.com', []],
    ['a domain ending like a listed one', 'x@notrival.co.jp', []],
    ['a listed IDN domain written in punycode', 'x@xn--8prv91g.jp', ['blocked-recipient:to:x@xn--8prv91g.jp']],
    ['a listed IDN domain in Unicode', 'x@競合.jp', ['blocked-recipient:to:x@xn--8prv91g.jp']],
    ['a full-width domain', 'x@ｒｉｖａｌ．ｃｏ．ｊｐ', ['blocked-recipient:to:x@rival.co.jp']],
    ['a listed quoted local part', '"a@b"@evil.com', ['blocked-recipient:to:"a@b"@evil.com']],
    ['the unquoted look-alike', 'b@evil.com', []],
    ['no address', 'Sales', []],
  ])('%s', (_name, address, expected) => {
    expect(ids(runRule(blockedRecipientRule, message({ to: people(address) }), POLICY))).toEqual(expected);
  });

  test('blocks by default and shows the entry in Unicode', () => {
    expect(runRule(blockedRecipientRule, message({ bcc: people('x@競合.jp') }), POLICY)).toEqual([
      {
        id: 'blocked-recipient:bcc:x@xn--8prv91g.jp',
        rule: 'blocked-recipient',
        severity: 'block',
        targets: [{ kind: 'recipient', address: 'x@競合.jp', field: 'bcc' }],
        messageKey: 'finding.blocked-recipient',
        params: { address: 'x@競合.jp', entry: '競合.jp' },
      },
    ]);
  });

  test('empty recipient lists give nothing', () => {
    expect(runRule(blockedRecipientRule, message(), POLICY)).toEqual([]);
  });
});
