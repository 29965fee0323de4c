import { describe, expect, test } from 'vitest';
import { lookalikeDomainRule, withScriptNames } from '../../../src/policy/rules/lookalike-domain.js';
import { ids, message, people, policyFrom, runRule } from '../fixtures.js';

const POLICY = policyFrom({
  internalDomains: ['example.co.jp', '日本語.jp'],
  trustedDomains: ['partner.co.jp'],
});

describe('lookalike-domain wiring', () => {
  test('makes one finding per imitating domain, whatever field or letter case its recipients use', () => {
    const findings = runRule(
      lookalikeDomainRule,
      message({
        to: people('a@xn--xample-2of.co.jp', 'c@example.co.jp', 'd@partner.co.jp', 'Sales'),
        bcc: people('b@XN--XAMPLE-2OF.co.jp'),
        cc: people('e@other.jp'),
      }),
      POLICY,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: 'lookalike-domain:xn--xample-2of.co.jp',
      rule: 'lookalike-domain',
      severity: 'block',
      targets: [
        { kind: 'recipient', address: 'a@xn--xample-2of.co.jp', field: 'to' },
        { kind: 'recipient', address: 'b@XN--XAMPLE-2OF.co.jp', field: 'bcc' },
      ],
      messageKey: 'finding.lookalike-domain.idn',
      params: {
        domain: 'еxample.co.jp',
        ascii: 'xn--xample-2of.co.jp',
        imitates: 'example.co.jp',
        imitatesSource: 'internal',
        char: 'е',
        codePoint: 'U+0435',
        script: 'Cyrillic',
      },
    });
    expect(String(findings[0]?.params['reasons']).split(',')).toContain('mixed-script');
  });

  test('no known domains, no finding', () => {
    expect(runRule(lookalikeDomainRule, message({ to: people('a@examlpe.co.jp') }), policyFrom({}))).toEqual([]);
  });

  test('answers each policy for itself, even when one was asked about the same domain before', () => {
    const typo = message({ to: people('a@examlpe.co.jp') });
    expect(ids(runRule(lookalikeDomainRule, typo, POLICY))).toEqual(['lookalike-domain:examlpe.co.jp']);
    expect(
      ids(runRule(lookalikeDomainRule, typo, policyFrom({ internalDomains: ['example.co.jp'], trustedDomains: ['examlpe.co.jp'] }))),
    ).toEqual([]);
    expect(ids(runRule(lookalikeDomainRule, typo, policyFrom({ internalDomains: ['contoso.com'] })))).toEqual([]);
    expect(ids(runRule(lookalikeDomainRule, typo, POLICY))).toEqual(['lookalike-domain:examlpe.co.jp']);
  });
});

describe('lookalike-domain with the real detector', () => {
  test.each([
    ['our own domain', 'a@example.co.jp', []],
    ['our subdomain', 'a@mail.example.co.jp', []],
    ['our IDN domain in punycode', 'a@xn--wgv71a119e.jp', []],
    ['an unrelated domain', 'a@contoso.com', []],
    ['a trusted partner', 'a@partner.co.jp', []],
    ['Cyrillic е in our name', 'a@еxample.co.jp', ['lookalike-domain:xn--xample-2of.co.jp']],
    ['a transposition typo', 'a@examlpe.co.jp', ['lookalike-domain:examlpe.co.jp']],
    ['a suffix swap', 'a@example.com', ['lookalike-domain:example.com']],
    ['our domain inside a foreign one', 'a@example.co.jp.evil.com', ['lookalike-domain:example.co.jp.evil.com']],
    ['a partner typo', 'a@partnar.co.jp', ['lookalike-domain:partnar.co.jp']],
  ])('%s: %s', (_name, address, expected) => {
    expect(ids(runRule(lookalikeDomainRule, message({ to: people(address) }), POLICY))).toEqual(expected);
  });

  test('an IDN imitation names its characters', () => {
    const [finding] = runRule(lookalikeDomainRule, message({ to: people('a@еxample.co.jp') }), POLICY);
    expect(finding?.messageKey).toBe('finding.lookalike-domain.idn');
    expect(finding?.params).toMatchObject({
      ascii: 'xn--xample-2of.co.jp',
      unicode: 'еxample.co.jp',
      imitates: 'example.co.jp',
      characters: 'е U+0435 Cyrillic',
    });
  });

  test('an ASCII typo uses the plain message', () => {
    const [finding] = runRule(lookalikeDomainRule, message({ to: people('a@examlpe.co.jp') }), POLICY);
    expect(finding?.messageKey).toBe('finding.lookalike-domain');
    expect(finding?.params).toMatchObject({ domain: 'examlpe.co.jp', imitates: 'example.co.jp' });
  });
});

describe('withScriptNames', () => {
  const upper = (script: string) => script.toUpperCase();

  test('renames the script of every character and keeps the rest', () => {
    const params = { domain: 'Cyrillic.example', characters: 'е U+0435 Cyrillic, 𝐚 U+1D41A Common' };
    expect(withScriptNames(params, upper)).toEqual({ domain: 'Cyrillic.example', characters: 'е U+0435 CYRILLIC, 𝐚 U+1D41A COMMON' });
  });

  test('leaves params without characters as they are', () => {
    const params = { name: 'a.pdf' };
    expect(withScriptNames(params, upper)).toBe(params);
  });
});
