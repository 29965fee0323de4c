import { describe, expect, it } from 'vitest';
import { readRecipientEntry } from '../../../src/policy/recipient-list/recipient-entry-syntax.js';
import { compileRecipientList } from '../../../src/policy/recipient-list/recipient-list.js';

function list(...written: string[]) {
  const entries = written.map(readRecipientEntry).flatMap((read) => {
    if (!read.ok) throw new Error(read.problem);
    return 'entry' in read ? [read] : [];
  });
  return compileRecipientList(entries);
}

describe('recipient lists', () => {
  it.each([
    [['example.com'], 'a@example.com', true],
    [['example.com'], 'a@sub.example.com', true],
    [['example.com'], 'a@example.com.evil.example', false],
    [['example.com'], 'a@notexample.com', false],
    [['@example.com'], 'a@example.com', true],
    [['@example.com'], 'a@sub.example.com', false],
    [['tanaka@example.com'], 'TANAKA@Example.COM', true],
    [['tanaka@example.com'], 'suzuki@example.com', false],
    [['*.example.com'], 'a@sub.example.com', true],
    [['*.example.com'], 'a@example.com', false],
    [['?.example.net'], 'a@x.example.net', true],
    [['?.example.net'], 'a@xy.example.net', false],
    [['*unsafe@example.com'], 'veryunsafe@example.com', true],
    [['*unsafe@example.com'], 'unsafe@example.com', true],
    [['*unsafe@example.com'], 'unsafe@sub.example.com', false],
    [['*c@clear-code.com'], 'abc@clear-code.com', true],
    [['*c@clear-code.com'], 'abd@clear-code.com', false],
    [['xx@*example.com'], 'xx@myexample.com', true],
    [['xx@*example.com'], 'yy@example.com', false],
    [['example.com', '-xx@example.com'], 'xx@example.com', false],
    [['example.com', '-xx@example.com'], 'yy@example.com', true],
    [['example.com', '-@sub.example.com'], 'a@sub.example.com', false],
    [['example.com', '-@sub.example.com'], 'a@deeper.sub.example.com', true],
    [['example.com', '-*.sub.example.com'], 'a@deeper.sub.example.com', false],
    [['@'], 'Sales Team', true],
    [['@'], 'a@example.com', false],
    [['example.com'], 'Sales Team', false],
    [['# partners since 2024', 'example.com'], 'a@example.com', true],
    [['例え.jp'], 'a@xn--r8jz45g.jp', true],
    [['例え.jp'], 'a@例え.jp', true],
    [['ｅｘａｍｐｌｅ．ｃｏｍ'], 'a@example.com', true],
    [['*.example.com'], 'a@sub.examplexcom', false],
  ] as const)('%j includes %s: %s', (entries, address, expected) => {
    expect(list(...entries).includes(address)).toBe(expected);
  });

  it('gives the look-alike check the domains written as domains only', () => {
    expect(list('example.com', '@exact.example', 'a@address.example', '*.pattern.example', '-other.example', '@').domains).toEqual([
      'example.com',
      'exact.example',
    ]);
  });

  it('reads a comment as a comment and an exclusion as an exclusion', () => {
    expect(readRecipientEntry('  # partners ')).toEqual({ ok: true, comment: '# partners' });
    expect(readRecipientEntry('-xx@example.com')).toEqual({
      ok: true,
      entry: { kind: 'address', address: 'xx@example.com' },
      exclude: true,
    });
  });

  it.each([
    ['example.*', 'is not a domain', 'last-label-wildcard'],
    ['*@example.*', 'is not a domain', 'last-label-wildcard'],
    ['xx@example.c?m', 'is not a domain', 'last-label-wildcard'],
    ['-', 'an exclusion needs', 'empty-exclusion'],
    ['', 'an empty entry', 'empty'],
    ['exa mple.com', 'is not a domain', 'invalid'],
    ['localhost', 'is not a domain', 'invalid'],
    ['@@example.com', 'is not a domain', 'invalid'],
    ['*.ex ample.com', 'is not a domain', 'invalid'],
  ])('refuses %j', (written, problem, fault) => {
    const read = readRecipientEntry(written);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problem).toContain(problem);
    expect(!read.ok && read.fault).toBe(fault);
  });
});
