import { describe, expect, test } from 'vitest';
import { unresolvedRecipientRule } from '../../../src/policy/rules/unresolved-recipient.js';
import type { Recipient } from '../../../src/policy/types.js';
import { ids, message, runRule } from '../fixtures.js';

describe('unresolved-recipient', () => {
  test.each<[string, Recipient, string[]]>([
    ['a good address', { address: 'taro@example.co.jp' }, []],
    ['a quoted local part', { address: '"a@b"@example.co.jp' }, []],
    ['a full-width domain', { address: 'taro@ｅｘａｍｐｌｅ．ｃｏ．ｊｐ' }, []],
    ['an empty address', { address: '', name: 'Sales Team' }, ['unresolved-recipient:to:name:sales team']],
    ['a name typed as the address', { address: 'Yamada Taro' }, ['unresolved-recipient:to:yamada taro']],
    ['a single-label domain', { address: 'taro@intranet' }, ['unresolved-recipient:to:taro@intranet']],
    ['a bad character in the domain', { address: 'taro@exa!mple.co.jp' }, ['unresolved-recipient:to:taro@exa!mple.co.jp']],
    ['a full-width at sign', { address: 'taro＠example.co.jp' }, ['unresolved-recipient:to:taro＠example.co.jp']],
  ])('%s', (_name, recipient, expected) => {
    expect(ids(runRule(unresolvedRecipientRule, message({ to: [recipient] })))).toEqual(expected);
  });

  test('the message names the recipient by address, or by display name when there is none', () => {
    const findings = runRule(
      unresolvedRecipientRule,
      message({ to: [{ address: 'taro@intranet' }], cc: [{ address: ' ', name: 'Sales Team' }] }),
    );
    expect(findings.map((finding) => [finding.params.recipient, finding.targets])).toEqual([
      ['taro@intranet', [{ kind: 'recipient', address: 'taro@intranet', field: 'to' }]],
      ['Sales Team', [{ kind: 'recipient', address: ' ', field: 'cc' }]],
    ]);
  });
});
