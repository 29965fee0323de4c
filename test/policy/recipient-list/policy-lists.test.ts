// The four recipient lists of a policy (docs/policy.md "Recipient lists"), asked through what reads them:
// classification for internalDomains and trustedDomains, the rules for blockedRecipients and
// attentionRecipients. One table of entry forms runs against every list.
import { describe, expect, test } from 'vitest';
import { classifyRecipient, classifyRecipients } from '../../../src/policy/classify.js';
import { dialogConfirmation } from '../../../src/policy/dialog-confirm.js';
import { evaluate } from '../../../src/policy/evaluate.js';
import { attentionRecipientRule } from '../../../src/policy/rules/attention-recipient.js';
import { blockedRecipientRule } from '../../../src/policy/rules/blocked-recipient.js';
import { displayNameSpoofRule } from '../../../src/policy/rules/display-name-spoof.js';
import { lookalikeDomainRule, lookalikeReferences } from '../../../src/policy/rules/lookalike-domain.js';
import type { Policy } from '../../../src/policy/types.js';
import { ids, message, people, policyFrom, runRule } from '../fixtures.js';

type ListKey = 'internalDomains' | 'trustedDomains' | 'blockedRecipients' | 'attentionRecipients';
const LIST_KEYS: readonly ListKey[] = ['internalDomains', 'trustedDomains', 'blockedRecipients', 'attentionRecipients'];

/** Whether `address` is in the list `key` holding `entries`, as the part of Preflight that reads that list says. */
function inList(key: ListKey, entries: readonly string[], address: string): boolean {
  const policy = policyFrom({ [key]: entries });
  switch (key) {
    case 'internalDomains':
      return classifyRecipient({ address }, 'to', policy).internal;
    case 'trustedDomains':
      return classifyRecipient({ address }, 'to', policy).trusted;
    case 'blockedRecipients':
      return runRule(blockedRecipientRule, message({ to: [{ address }] }), policy).length > 0;
    case 'attentionRecipients':
      return runRule(attentionRecipientRule, message({ to: [{ address }] }), policy).length > 0;
  }
}

const FORMS: readonly (readonly [string, readonly string[], string, boolean])[] = [
  ['a domain', ['example.com'], 'a@example.com', true],
  ['a domain covers subdomains', ['example.com'], 'a@mail.example.com', true],
  ['a domain inside a foreign one', ['example.com'], 'a@example.com.evil.example', false],
  ['a domain ending like it', ['example.com'], 'a@notexample.com', false],
  ['@domain', ['@example.com'], 'a@example.com', true],
  ['@domain leaves subdomains out', ['@example.com'], 'a@mail.example.com', false],
  ['an address', ['tanaka@example.com'], 'TANAKA@Example.COM.', true],
  ['an address leaves its neighbours out', ['tanaka@example.com'], 'suzuki@example.com', false],
  ['a domain pattern', ['*.example.com'], 'a@mail.example.com', true],
  ['a domain pattern leaves the domain out', ['*.example.com'], 'a@example.com', false],
  ['? is one character', ['?.example.net'], 'a@x.example.net', true],
  ['? is not two', ['?.example.net'], 'a@xy.example.net', false],
  ['an address pattern', ['*unsafe@example.com'], 'veryunsafe@example.com', true],
  ['an address pattern is its domain only', ['*unsafe@example.com'], 'unsafe@mail.example.com', false],
  ['a pattern in the domain of an address', ['xx@*example.com'], 'xx@myexample.com', true],
  ['no domain', ['@'], 'Sales Team', true],
  ['no domain is not an address', ['@'], 'a@example.com', false],
  ['a domain is not a recipient without one', ['example.com'], 'Sales Team', false],
  ['an exclusion of an address', ['example.com', '-xx@example.com'], 'xx@example.com', false],
  ['an exclusion leaves the rest', ['example.com', '-xx@example.com'], 'yy@example.com', true],
  ['an exclusion before the entry it limits', ['-xx@example.com', 'example.com'], 'xx@example.com', false],
  ['an excluded subdomain', ['example.com', '-@sub.example.com'], 'a@sub.example.com', false],
  ['an excluded exact subdomain keeps deeper ones', ['example.com', '-@sub.example.com'], 'a@deep.sub.example.com', true],
  ['an excluded pattern', ['example.com', '-*.sub.example.com'], 'a@deep.sub.example.com', false],
  ['an excluded address pattern', ['example.com', '-*-ext@example.com'], 'sato-ext@example.com', false],
  ['an excluded recipient without a domain', ['@', '-@'], 'Sales Team', false],
  ['a comment matches nothing', ['# example.com'], 'a@example.com', false],
  ['a comment beside an entry', ['# partners since 2024', 'example.com'], 'a@example.com', true],
  ['a Unicode domain', ['日本語.jp'], 'a@xn--wgv71a119e.jp', true],
  ['a full-width entry', ['ＥＸＡＭＰＬＥ．ｃｏｍ'], 'a@example.com', true],
];

describe.each(LIST_KEYS)('%s takes every entry form', (key) => {
  test.each(FORMS)('%s: %j holds %s: %s', (_name, entries, address, expected) => {
    expect(inList(key, entries, address)).toBe(expected);
  });
});

describe('precedence between the lists', () => {
  test('internal beats trusted, whichever list names the address more narrowly', () => {
    const policy = policyFrom({ internalDomains: ['example.co.jp'], trustedDomains: ['boss@example.co.jp', 'partner.co.jp'] });
    expect(classifyRecipient({ address: 'boss@example.co.jp' }, 'to', policy)).toMatchObject({ internal: true, trusted: false });
    expect(classifyRecipient({ address: 'a@partner.co.jp' }, 'to', policy)).toMatchObject({ internal: false, trusted: true });
  });

  test('an address excluded from the internal list is outside, and trusted when the trusted list holds it', () => {
    const policy = policyFrom({
      internalDomains: ['example.co.jp', '-contractor@example.co.jp'],
      trustedDomains: ['contractor@example.co.jp'],
    });
    expect(classifyRecipient({ address: 'contractor@example.co.jp' }, 'to', policy)).toMatchObject({
      internal: false,
      trusted: true,
      external: true,
    });
    expect(classifyRecipient({ address: 'taro@example.co.jp' }, 'to', policy)).toMatchObject({ internal: true });
  });

  test('an exclusion inside a trusted domain makes that one address untrusted, in one message with its neighbours', () => {
    const policy = policyFrom({ internalDomains: ['example.co.jp'], trustedDomains: ['partner.co.jp', '-xx@partner.co.jp'] });
    const classified = classifyRecipients(message({ to: people('a@partner.co.jp', 'xx@partner.co.jp', 'b@partner.co.jp') }), policy);
    expect(classified.map((entry) => [entry.key, entry.trusted, entry.external])).toEqual([
      ['a@partner.co.jp', true, true],
      ['xx@partner.co.jp', false, true],
      ['b@partner.co.jp', true, true],
    ]);
  });

  test('blockedRecipients and attentionRecipients apply to internal and trusted addresses too', () => {
    const policy = policyFrom({
      internalDomains: ['example.co.jp'],
      trustedDomains: ['partner.co.jp'],
      blockedRecipients: ['former@example.co.jp'],
      attentionRecipients: ['*@partner.co.jp'],
    });
    const snapshot = message({ to: people('former@example.co.jp', 'taro@example.co.jp', 'hanako@partner.co.jp') });
    expect(ids(runRule(blockedRecipientRule, snapshot, policy))).toEqual(['blocked-recipient:to:former@example.co.jp']);
    expect(ids(runRule(attentionRecipientRule, snapshot, policy))).toEqual(['attention-recipient:to:hanako@partner.co.jp']);
  });

  test('an address both blocked and excluded from blockedRecipients is not blocked; attentionRecipients still reports it', () => {
    const policy = policyFrom({
      blockedRecipients: ['rival.example', '-liaison@rival.example'],
      attentionRecipients: ['liaison@rival.example'],
    });
    const snapshot = message({ to: people('liaison@rival.example', 'sales@rival.example') });
    expect(ids(runRule(blockedRecipientRule, snapshot, policy))).toEqual(['blocked-recipient:to:sales@rival.example']);
    expect(ids(runRule(attentionRecipientRule, snapshot, policy))).toEqual(['attention-recipient:to:liaison@rival.example']);
  });

  test('@ in internalDomains makes a recipient without a domain internal; unresolved-recipient still reports it', () => {
    const policy = policyFrom({ internalDomains: ['example.co.jp', '@'] });
    const snapshot = message({ to: [{ address: '', name: 'Sales Team' }] });
    expect(classifyRecipient({ address: '', name: 'Sales Team' }, 'to', policy)).toMatchObject({ internal: true, external: false });
    expect(evaluate(snapshot, policy, {}).findings.map((finding) => finding.rule)).toEqual(['unresolved-recipient']);
  });
});

describe('what the findings say', () => {
  test.each([
    [['rival.example', 'boss@rival.example'], 'boss@rival.example', 'rival.example'],
    [['boss@rival.example', 'rival.example'], 'boss@rival.example', 'boss@rival.example'],
    [['*@rival.example', 'rival.example'], 'boss@rival.example', '*@rival.example'],
    [['@競合.jp'], 'x@競合.jp', '@競合.jp'],
    [['競合.jp'], 'x@mail.競合.jp', '競合.jp'],
    [['@'], 'Sales', '@'],
    [['# old rivals', '-boss@rival.example', 'rival.example'], 'sales@rival.example', 'rival.example'],
  ])('%j: %s is reported by %s, the first entry that matched', (entries, address, entry) => {
    const findings = runRule(blockedRecipientRule, message({ to: people(address) }), policyFrom({ blockedRecipients: entries }));
    expect(findings.map((finding) => finding.params['entry'])).toEqual([entry]);
  });
});

describe('the look-alike check and the display-name check read the same lists', () => {
  const policy: Policy = policyFrom({
    internalDomains: ['example.co.jp', '@exact.example.jp', 'ceo@elsewhere.example', '*.group.example', '-x@example.co.jp', '# ours'],
    trustedDomains: ['*@partner.example', '-stranger@partner.example'],
  });

  test('only entries written as a domain are references', () => {
    expect(lookalikeReferences(policy)).toEqual([
      { domain: 'example.co.jp', source: 'internal' },
      { domain: 'exact.example.jp', source: 'internal' },
    ]);
  });

  test('a domain the policy trusts for some of its addresses is no look-alike, nor is an address-only entry a reference', () => {
    const snapshot = message({ to: people('stranger@partner.example', 'a@partner.example', 'b@elsewhere.exampel', 'c@examp1e.co.jp') });
    expect(ids(runRule(lookalikeDomainRule, snapshot, policy))).toEqual(['lookalike-domain:examp1e.co.jp']);
  });

  test('a display name naming an internal address by any entry form is a spoof; an excluded one is not', () => {
    const spoofs = (name: string) =>
      ids(runRule(displayNameSpoofRule, message({ to: [{ address: 'x@evil.example', name }] }), policy)).length > 0;
    expect(spoofs('ceo@elsewhere.example')).toBe(true);
    expect(spoofs('a@www.group.example')).toBe(true);
    expect(spoofs('x@example.co.jp')).toBe(false);
    expect(spoofs('someone@elsewhere.example')).toBe(false);
  });

  test('dialogConfirm with trustedDomainsOnly asks for every outside address to be trusted, exclusions counted', () => {
    const trusted = policyFrom({ trustedDomains: ['partner.co.jp', '-xx@partner.co.jp'], bccSuggestThreshold: 0 });
    const dialog = (address: string) => dialogConfirmation(evaluate(message({ to: people(address) }), trusted, {}), trusted);
    expect(dialog('a@partner.co.jp')).toEqual({ addresses: ['a@partner.co.jp'] });
    expect(dialog('xx@partner.co.jp')).toBeNull();
  });
});
