import { describe, expect, test } from 'vitest';
import { addressesInName, displayNameSpoofRule } from '../../../src/policy/rules/display-name-spoof.js';
import type { Person, Recipient } from '../../../src/policy/types.js';
import { ids, message, runRule } from '../fixtures.js';

const FROM: Person = { address: 'Taro@Example.co.jp', name: '山田 太郎' };

describe('display-name-spoof', () => {
  test.each<[string, Recipient, string[]]>([
    ['an internal address as the name', { address: 'x@evil.com', name: 'jiro@example.co.jp' }, ['display-name-spoof:to:x@evil.com']],
    [
      'an internal subdomain address',
      { address: 'x@evil.com', name: 'Jiro <jiro@mail.example.co.jp>' },
      ['display-name-spoof:to:x@evil.com'],
    ],
    ['upper case', { address: 'x@evil.com', name: 'JIRO@EXAMPLE.CO.JP' }, ['display-name-spoof:to:x@evil.com']],
    [
      'full-width letters and ＠',
      { address: 'x@evil.com', name: 'ｊｉｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ' },
      ['display-name-spoof:to:x@evil.com'],
    ],
    ['spaces around @', { address: 'x@evil.com', name: 'jiro @ example.co.jp' }, ['display-name-spoof:to:x@evil.com']],
    [
      'an ideographic space and full-width ＠',
      { address: 'x@evil.com', name: 'jiro\u3000＠\u3000example.co.jp' },
      ['display-name-spoof:to:x@evil.com'],
    ],
    ['in Japanese brackets', { address: 'x@evil.com', name: '山田「jiro@example.co.jp」' }, ['display-name-spoof:to:x@evil.com']],
    ['our IDN domain', { address: 'x@evil.com', name: 'jiro@日本語.jp' }, ['display-name-spoof:to:x@evil.com']],
    ["the sender's own address", { address: 'x@evil.com', name: 'taro@example.co.jp' }, ['display-name-spoof:to:x@evil.com']],
    [
      'a trusted partner is still checked',
      { address: 'x@partner.co.jp', name: 'jiro@example.co.jp' },
      ['display-name-spoof:to:x@partner.co.jp'],
    ],
    ['an external name on an external address', { address: 'bob@evil.com', name: 'bob@evil.com' }, []],
    ['a plain name', { address: 'bob@evil.com', name: 'Bob (Example Co., Ltd.)' }, []],
    ['our domain without an address', { address: 'bob@evil.com', name: 'Bob example.co.jp' }, []],
    ['our domain inside a foreign one', { address: 'bob@evil.com', name: 'bob@example.co.jp.evil.com' }, []],
    ['an internal recipient named by its address', { address: 'jiro@example.co.jp', name: 'jiro@example.co.jp' }, []],
    ['an internal recipient with another internal name', { address: 'jiro@example.co.jp', name: 'hanako@example.co.jp' }, []],
    ['no name', { address: 'x@evil.com' }, []],
    ['an unresolved recipient named by an internal address', { address: '', name: 'jiro@example.co.jp' }, []],
  ])('%s', (_name, recipient, expected) => {
    expect(ids(runRule(displayNameSpoofRule, message({ from: FROM, to: [recipient] })))).toEqual(expected);
  });

  test('without a sender only internal addresses count', () => {
    const snapshot = message({ to: [{ address: 'x@evil.com', name: 'someone@gmail.com' }] });
    expect(runRule(displayNameSpoofRule, snapshot)).toEqual([]);
  });

  test('a sender outside our domains is still recognised', () => {
    const snapshot = message({ from: { address: 'me@gmail.com' }, cc: [{ address: 'x@evil.com', name: 'me@gmail.com' }] });
    expect(runRule(displayNameSpoofRule, snapshot)).toEqual([
      {
        id: 'display-name-spoof:cc:x@evil.com',
        rule: 'display-name-spoof',
        severity: 'confirm',
        targets: [{ kind: 'recipient', address: 'x@evil.com', field: 'cc' }],
        messageKey: 'finding.display-name-spoof',
        params: { name: 'me@gmail.com', claimed: 'me@gmail.com', address: 'x@evil.com' },
      },
    ]);
  });
});

describe('addressesInName', () => {
  test.each([
    ['jiro@example.co.jp', ['jiro@example.co.jp']],
    ['Jiro <JIRO@EXAMPLE.CO.JP>', ['jiro@example.co.jp']],
    ['ｊｉｒｏ ＠ ｅｘａｍｐｌｅ．ｃｏ．ｊｐ', ['jiro@example.co.jp']],
    ['jiro\uFE6Bexample.co.jp (small commercial at)', ['jiro@example.co.jp']],
    ['a@example.co.jp, b@example.co.jp; a@example.co.jp', ['a@example.co.jp', 'b@example.co.jp']],
    ['(jiro@example.co.jp.)', ['jiro@example.co.jp']],
    ['山田太郎', []],
    ['@', []],
  ])('%s', (name, expected) => {
    expect(addressesInName(name)).toEqual(expected);
  });
});
