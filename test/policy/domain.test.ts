import fc from 'fast-check';
import punycode from 'punycode/punycode.js';
import { describe, expect, it } from 'vitest';
import {
  domainAndParents,
  domainOfAddress,
  normalAddress,
  normalizeAddress,
  toAsciiDomain,
  toUnicodeDomain,
} from '../../src/policy/domain.js';

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

// The forms as docs/policy.md defines them, every step taken on every input: the plain-ASCII path of
// src/policy/domain.ts must give the same.
function fullDomain(input: string): string | null {
  let text = input
    .trim()
    .normalize('NFKC')
    .replace(/[\u3002\uFF0E\uFF61]/g, '.')
    .toLowerCase();
  if (text.endsWith('.')) text = text.slice(0, -1);
  let ascii: string;
  try {
    ascii = punycode.toASCII(text);
  } catch {
    return null;
  }
  const labels = ascii.split('.');
  const valid = text !== '' && ascii.length <= 253 && labels.length >= 2;
  return valid && labels.every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label)) ? ascii : null;
}

function fullAddress(address: string): string | null {
  const at = address.lastIndexOf('@');
  const domain = at <= 0 ? null : fullDomain(address.slice(at + 1));
  return domain === null ? null : `${address.slice(0, at).trim().normalize('NFKC').toLowerCase()}@${domain}`;
}

// Mostly what addresses are made of, with what NFKC, trim and punycode change mixed in.
const addressText = fc
  .array(fc.constantFrom(...'aZk09.-_@+"\' \t\u00a0ＡＺ０＠．。ｱ日üİK\u212a'), { maxLength: 24 })
  .map((chars) => chars.join(''));

describe('the plain-ASCII path', () => {
  it('gives the forms the full normalisation gives', () => {
    fc.assert(
      fc.property(fc.oneof(addressText, fc.string({ maxLength: 30 })), (text) => {
        expect(toAsciiDomain(text)).toBe(fullDomain(text));
        expect(normalizeAddress(text)).toBe(fullAddress(text));
        expect(normalizeAddress(`${text}@Example.CO.jp`)).toBe(fullAddress(`${text}@Example.CO.jp`));
        expect(normalizeAddress(`${text}@Example.CO.jp.`)).toBe(fullAddress(`${text}@Example.CO.jp.`));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('toUnicodeDomain', () => {
  it('gives what punycode gives, with its shortcut for text without xn-- labels', () => {
    const domainText = fc
      .array(fc.constantFrom('xn--', 'XN--', 'e1afmkfd', 'bcher-kva', 'a', 'Z', '0', '-', '.', '@', '。', 'ü'), { maxLength: 12 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(domainText, (text) => {
        let expected: string;
        try {
          expected = punycode.toUnicode(text);
        } catch {
          expected = text;
        }
        expect(toUnicodeDomain(text)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    expect(toUnicodeDomain('xn--bcher-kva.example')).toBe('bücher.example');
    expect(toUnicodeDomain('mail.example.co.jp')).toBe('mail.example.co.jp');
  });
});

describe('domainAndParents', () => {
  it('lists the domain, then each parent up to the last label', () => {
    expect(domainAndParents('a.b.example.jp')).toEqual(['a.b.example.jp', 'b.example.jp', 'example.jp', 'jp']);
    expect(domainAndParents('localhost')).toEqual(['localhost']);
  });
});
