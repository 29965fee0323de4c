import { describe, expect, test } from 'vitest';
import { compileAddressPattern, normalizeAddressPattern } from '../../src/policy/address-pattern.js';
import { normalizeAddress } from '../../src/policy/domain.js';

function matches(entry: string, address: string): boolean {
  const pattern = normalizeAddressPattern(entry);
  const normalized = normalizeAddress(address);
  if (pattern === null || normalized === null) throw new Error(`bad case ${entry} / ${address}`);
  return compileAddressPattern(pattern)(normalized);
}

describe('mailing-list patterns', () => {
  test.each([
    ['*-all@example.co.jp', 'sales-all@example.co.jp', true],
    ['*-all@example.co.jp', 'SALES-ALL@EXAMPLE.CO.JP', true],
    ['*-all@example.co.jp', 'sales-all@example.co.jp.evil.com', false],
    ['*-all@example.co.jp', 'sales-all@mail.example.co.jp', false],
    ['*-all@example.co.jp', 'sales@example.co.jp', false],
    ['*@lists.example.co.jp', 'dev@lists.example.co.jp', true],
    ['*@lists.example.co.jp', 'dev@listsxexample.co.jp', false],
    ['news@*.example.co.jp', 'news@tokyo.example.co.jp', true],
    ['news@*.example.co.jp', 'news@example.co.jp', false],
    ['news@*.example.co.jp', 'news@evil-example.co.jp', false],
    ['all@example.co.jp', 'all@example.co.jp', true],
    ['all@example.co.jp', 'all@example.co.jp.', true],
    ['all@example.co.jp', 'xall@example.co.jp', false],
    // FlexConfirmMail's slip: a wildcard regex with `.` and `?` left live.
    ['a.b@example.co.jp', 'axb@example.co.jp', false],
    ['*@x.jp', 'a@y.jp', false],
    ['*+news@example.co.jp', 'a+news@example.co.jp', true],
    ['*+news@example.co.jp', 'anews@example.co.jp', false],
    ['(team)*@example.co.jp', '(team)1@example.co.jp', true],
    ['*@日本語.jp', 'all@xn--wgv71a119e.jp', true],
    ['*@xn--wgv71a119e.jp', 'all@日本語.jp', true],
  ])('%s against %s → %s', (entry, address, expected) => {
    expect(matches(entry, address)).toBe(expected);
  });

  test.each(['*', '*@*', '*@*.*', 'all@example.*', '*@jp', 'lists.example.co.jp', '@example.co.jp', 'all@exa_mple.co.jp'])(
    '%s is not a pattern',
    (entry) => {
      expect(normalizeAddressPattern(entry)).toBeNull();
    },
  );
});
