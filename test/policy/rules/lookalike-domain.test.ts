import { beforeEach, describe, expect, test, vi } from 'vitest';
import * as lookalike from '../../../src/policy/lookalike.js';
import { lookalikeDomainRule, withScriptNames } from '../../../src/policy/rules/lookalike-domain.js';
import { ids, message, people, policyFrom, runRule } from '../fixtures.js';

// The detector is another module's contract; the real one runs unless a test fixes its answer.
vi.mock('../../../src/policy/lookalike.js', async (importOriginal) => {
  const actual = await importOriginal<typeof lookalike>();
  return { ...actual, detectLookalike: vi.fn(actual.detectLookalike) };
});

const actual = await vi.importActual<typeof lookalike>('../../../src/policy/lookalike.js');

const POLICY = policyFrom({
  internalDomains: ['example.co.jp', '日本語.jp'],
  trustedDomains: ['partner.co.jp'],
});

describe('lookalike-domain wiring', () => {
  const detect = vi.mocked(lookalike.detectLookalike);
  beforeEach(() => detect.mockClear());

  test('asks about each suspect domain once, against internal + trusted domains', () => {
    detect.mockReturnValue(null);
    runRule(
      lookalikeDomainRule,
      message({ to: people('a@evil.com', 'b@EVIL.com', 'c@example.co.jp', 'd@partner.co.jp', 'Sales'), cc: people('e@other.jp') }),
      POLICY,
    );
    expect(detect.mock.calls).toEqual([
      ['evil.com', [
        { domain: 'example.co.jp', source: 'internal' },
        { domain: 'xn--wgv71a119e.jp', source: 'internal' },
        { domain: 'partner.co.jp', source: 'trusted' },
      ]],
      ['other.jp', expect.any(Array)],
    ]);
  });

  test('a match becomes a finding with both forms, the reasons and each suspicious character', () => {
    detect.mockReturnValueOnce({
      imitates: 'example.co.jp',
      imitatesSource: 'internal',
      reasons: ['punycode', 'mixed-script', 'confusable-skeleton'],
      ascii: 'xn--xampl-ywef.co.jp',
      unicode: 'еxamplе.co.jp',
      suspiciousCharacters: [
        { char: 'е', codePoint: 'U+0435', script: 'Cyrillic', index: 0 },
        { char: 'е', codePoint: 'U+0435', script: 'Cyrillic', index: 6 },
      ],
    });
    const findings = runRule(
      lookalikeDomainRule,
      message({ to: people('a@xn--xampl-ywef.co.jp'), bcc: people('b@xn--xampl-ywef.co.jp') }),
      POLICY,
    );
    expect(findings).toEqual([
      {
        id: 'lookalike-domain:xn--xampl-ywef.co.jp',
        rule: 'lookalike-domain',
        severity: 'block',
        targets: [
          { kind: 'recipient', address: 'a@xn--xampl-ywef.co.jp', field: 'to' },
          { kind: 'recipient', address: 'b@xn--xampl-ywef.co.jp', field: 'bcc' },
        ],
        messageKey: 'finding.lookalike-domain.idn',
        params: {
          domain: 'еxamplе.co.jp',
          ascii: 'xn--xampl-ywef.co.jp',
          unicode: 'еxamplе.co.jp',
          imitates: 'example.co.jp',
          imitatesSource: 'internal',
          reasons: 'punycode,mixed-script,confusable-skeleton',
          characters: 'е U+0435 Cyrillic, е U+0435 Cyrillic',
          char: 'е',
          codePoint: 'U+0435',
          script: 'Cyrillic',
        },
      },
    ]);
  });

  test('no known domains, no question asked', () => {
    detect.mockReturnValue(null);
    expect(runRule(lookalikeDomainRule, message({ to: people('a@evil.com') }), policyFrom({}))).toEqual([]);
    expect(detect).not.toHaveBeenCalled();
  });
});

describe('lookalike-domain with the real detector', () => {
  beforeEach(() => {
    vi.mocked(lookalike.detectLookalike).mockReset().mockImplementation(actual.detectLookalike);
  });

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
