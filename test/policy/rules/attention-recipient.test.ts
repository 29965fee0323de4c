import { describe, expect, test } from 'vitest';
import { attentionRecipientRule } from '../../../src/policy/rules/attention-recipient.js';
import { message, people, policyFrom, runRule } from '../fixtures.js';

const POLICY = policyFrom({
  internalDomains: ['example.co.jp'],
  attentionRecipients: ['ceo@example.co.jp', 'press.example.com'],
  severities: { 'attention-recipient': 'confirm' },
});

describe('attention-recipient', () => {
  test.each([
    ['an internal address on the list', 'CEO@example.co.jp', 'ceo@example.co.jp'],
    ['a listed domain', 'desk@press.example.com', 'press.example.com'],
    ['a subdomain of a listed domain', 'desk@tokyo.press.example.com', 'press.example.com'],
    ['not listed', 'taro@example.co.jp', null],
    ['the parent of a listed domain', 'desk@example.com', null],
  ])('%s', (_name, address, entry) => {
    const findings = runRule(attentionRecipientRule, message({ cc: people(address) }), POLICY);
    expect(findings.map((finding) => finding.params.entry)).toEqual(entry === null ? [] : [entry]);
  });

  test('confirm by default, one finding per field', () => {
    const findings = runRule(attentionRecipientRule, message({ to: people('ceo@example.co.jp'), cc: people('ceo@example.co.jp') }), POLICY);
    expect(findings.map((finding) => [finding.id, finding.severity, finding.messageKey])).toEqual([
      ['attention-recipient:to:ceo@example.co.jp', 'confirm', 'finding.attention-recipient'],
      ['attention-recipient:cc:ceo@example.co.jp', 'confirm', 'finding.attention-recipient'],
    ]);
  });
});
