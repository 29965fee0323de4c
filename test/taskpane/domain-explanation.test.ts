import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/policy/index.js';
import { codePointLabel, explainFindingDomains, nonAsciiCharacters } from '../../src/taskpane/domain-explanation.js';
import { KEYWORD_FINDING, LOOKALIKE_ASCII, LOOKALIKE_FINDING, POLICY } from './fixtures.js';

function finding(
  rule: 'external-recipient' | 'blocked-recipient' | 'lookalike-domain',
  targets: Finding['targets'],
  params: Finding['params'] = {},
  severity: Finding['severity'] = 'confirm',
): Finding {
  return { id: `${rule}:1`, rule, severity, targets, messageKey: `finding.${rule}`, params };
}

describe('codePointLabel', () => {
  it.each([
    ['a', 'U+0061'],
    ['а', 'U+0430'],
    ['ӏ', 'U+04CF'],
    ['😀', 'U+1F600'],
  ])('%s is %s', (char, label) => {
    expect(codePointLabel(char)).toBe(label);
  });
});

describe('nonAsciiCharacters', () => {
  it.each([
    ['example.com', []],
    ['exаmple.com', [{ char: 'а', codePoint: 'U+0430', script: 'Cyrillic', index: 2 }]],
    ['ρaypal.com', [{ char: 'ρ', codePoint: 'U+03C1', script: 'Greek', index: 0 }]],
    [
      '例え.jp',
      [
        { char: '例', codePoint: 'U+4F8B', script: 'Han', index: 0 },
        { char: 'え', codePoint: 'U+3048', script: 'Hiragana', index: 1 },
      ],
    ],
  ])('%s', (unicode, expected) => {
    expect(nonAsciiCharacters(unicode)).toEqual(expected);
  });
});

describe('explainFindingDomains', () => {
  it('shows a look-alike domain in both forms with each suspicious character, code point and script', () => {
    const [explanation, ...others] = explainFindingDomains(LOOKALIKE_FINDING, POLICY);
    expect(others).toEqual([]);
    expect(explanation?.ascii).toBe(LOOKALIKE_ASCII);
    expect(explanation?.unicode).toBe('аррӏе.com');
    expect(explanation?.suspiciousCharacters).toContainEqual(
      expect.objectContaining({ char: 'а', codePoint: 'U+0430', script: 'Cyrillic' }),
    );
    expect(explanation?.suspiciousCharacters).toContainEqual(
      expect.objectContaining({ char: 'ӏ', codePoint: 'U+04CF', script: 'Cyrillic' }),
    );
    expect(explanation?.imitates).toBe('apple.com');
    expect(explanation?.reasons.length).toBeGreaterThan(0);
  });

  it.each<[string, number, Finding]>([
    ['a finding about the message itself', 0, KEYWORD_FINDING],
    ['an ordinary ASCII domain', 0, finding('external-recipient', [{ kind: 'recipient', address: 'bob@other.com', field: 'to' }])],
    ['a blocked IDN domain', 1, finding('blocked-recipient', [{ kind: 'domain', domain: 'bücher.example' }], {}, 'block')],
    ['a blocked ASCII domain', 0, finding('blocked-recipient', [{ kind: 'domain', domain: 'evil.example' }], {}, 'block')],
    [
      'a confirm-only finding about an IDN domain, left to the look-alike finding',
      0,
      finding('external-recipient', [{ kind: 'domain', domain: LOOKALIKE_ASCII }]),
    ],
    [
      'one look-alike domain named twice',
      1,
      finding('lookalike-domain', [
        { kind: 'domain', domain: LOOKALIKE_ASCII },
        { kind: 'recipient', address: `eve@${LOOKALIKE_ASCII}`, field: 'cc' },
      ]),
    ],
  ])('%s gives %i explanation(s)', (_case, count, subject) => {
    expect(explainFindingDomains(subject, POLICY)).toHaveLength(count);
  });

  it('explains a look-alike written in plain ASCII too, with no hidden form', () => {
    const [explanation] = explainFindingDomains(
      finding('lookalike-domain', [{ kind: 'domain', domain: 'examp1e.co.jp' }], { imitates: 'example.co.jp' }),
      POLICY,
    );
    expect(explanation).toMatchObject({ ascii: 'examp1e.co.jp', unicode: 'examp1e.co.jp', imitates: 'example.co.jp' });
    expect(explanation?.suspiciousCharacters.every((character) => character.char.charCodeAt(0) < 0x80)).toBe(true);
  });
});
