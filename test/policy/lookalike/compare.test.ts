import { describe, expect, it } from 'vitest';
import { comparePair, editLimit } from '../../../src/policy/lookalike/compare.js';
import { domainParts, type DomainParts } from '../../../src/policy/lookalike/domain-parts.js';

function parts(ascii: string): DomainParts {
  const result = domainParts(ascii);
  if (result === null) throw new Error(`test fixture ${ascii} has no registrable domain`);
  return result;
}

describe('editLimit', () => {
  it.each([
    [1, 0],
    [3, 0],
    [4, 1],
    [8, 1],
    [9, 2],
    [30, 2],
  ])('a label of %d characters tolerates %d edits', (length, limit) => {
    expect(editLimit(length)).toBe(limit);
  });
});

describe('comparePair', () => {
  it.each([
    ['sonar.co.jp', 'sony.co.jp', null],
    ['song.co.jp', 'sony.co.jp', ['edit-distance']],
    ['nec.com', 'nes.com', null],
    ['ntt.com', 'ntt.co.jp', ['suffix-swap']],
    ['microsfot.com', 'microsoft.com', ['edit-distance']],
    ['micrsfot.com', 'microsoft.com', null],
    ['exarnple.co.jp', 'example.co.jp', ['confusable-skeleton']],
    ['exarnple.jp', 'example.co.jp', ['confusable-skeleton', 'suffix-swap']],
    ['example.co.jp.evil.com', 'example.co.jp', ['embedded-known-domain']],
    ['example.mail.evil.com', 'example.co.jp', null],
    ['example-co-jp.evil.com', 'example.co.jp', ['embedded-known-domain']],
  ])('%s against %s: %j', (recipient, known, reasons) => {
    expect(comparePair(parts(recipient), parts(known))?.reasons ?? null).toEqual(reasons);
  });

  it('ranks a same-looking label above a typo and a typo above an embedded name', () => {
    const known = parts('example.co.jp');
    const strength = (recipient: string) => comparePair(parts(recipient), known)?.strength ?? 0;
    expect(strength('examp1e.co.jp')).toBeGreaterThan(strength('example.jp'));
    expect(strength('example.jp')).toBeGreaterThan(strength('exampl.co.jp'));
    expect(strength('exampl.co.jp')).toBeGreaterThan(strength('example-login.co.jp'));
  });
});

describe('domainParts', () => {
  it('splits at the registrable label under multi-label and private suffixes', () => {
    expect(parts('mail.example.co.jp')).toMatchObject({
      registrable: 'example.co.jp',
      suffix: 'co.jp',
      label: 'example',
      labelIndex: 1,
    });
    expect(parts('example.github.io')).toMatchObject({ registrable: 'example.github.io', label: 'example' });
  });

  it('decodes punycode labels one by one', () => {
    expect(parts('www.xn--80ak6aa92e.com')).toMatchObject({
      unicodeLabels: ['www', 'аррӏе', 'com'],
      unicodeLabel: 'аррӏе',
      labelSkeleton: 'apple',
    });
  });

  it('is null without a registrable domain', () => {
    expect(domainParts('co.jp')).toBeNull();
    expect(domainParts('192.168.0.1')).toBeNull();
    expect(domainParts('localhost')).toBeNull();
  });
});
