import { describe, expect, it } from 'vitest';
import { domainAndParents, domainOfAddress, normalAddress, normalizeAddress, toAsciiDomain } from '../../src/policy/domain.js';

describe('toAsciiDomain', () => {
  it.each([
    ['Example.CO.JP', 'example.co.jp'],
    ['ｅｘａｍｐｌｅ。ｃｏ．ｊｐ', 'example.co.jp'],
    ['日本語.jp.', 'xn--wgv71a119e.jp'],
    ['localhost', null],
    ['bad_label.jp', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(toAsciiDomain(input)).toBe(expected);
  });
});

describe('normalizeAddress', () => {
  it.each([
    ['Taro.Yamada@Example.co.jp', 'taro.yamada@example.co.jp'],
    ['"a@b"@example.co.jp', '"a@b"@example.co.jp'],
    ['ｔａｒｏ@日本語.jp', 'taro@xn--wgv71a119e.jp'],
    ['no-domain@', null],
    ['@example.co.jp', null],
    ['Sales', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeAddress(input)).toBe(expected);
  });

  it.each(['Taro.Yamada@Example.co.jp', '"a@b"@example.co.jp', 'ｔａｒｏ@日本語.jp', 'no-domain@', 'Sales'])(
    '%j: normalAddress gives the same form and its domain',
    (input) => {
      const { normalized, domain } = normalAddress(input);
      expect(normalized).toBe(normalizeAddress(input));
      expect(domain).toBe(normalized === null ? null : domainOfAddress(input));
    },
  );

  it('answers the same once it has seen more addresses and domains than it keeps', () => {
    const first = normalizeAddress('Hanako@Partner.co.jp');
    for (let index = 0; index < 10_000; index += 1) normalizeAddress(`user${index}@host${index}.example.jp`);
    expect(normalizeAddress('Hanako@Partner.co.jp')).toBe(first);
    expect(first).toBe('hanako@partner.co.jp');
    expect(domainOfAddress('x@host9999.example.jp')).toBe('host9999.example.jp');
  });
});

describe('domainAndParents', () => {
  it('lists the domain, then each parent up to the last label', () => {
    expect(domainAndParents('a.b.example.jp')).toEqual(['a.b.example.jp', 'b.example.jp', 'example.jp', 'jp']);
    expect(domainAndParents('localhost')).toEqual(['localhost']);
  });
});
