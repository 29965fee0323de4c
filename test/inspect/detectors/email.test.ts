import { describe, expect, it } from 'vitest';
import { isAlphanumericUnit, isLabelUnit, isLocalUnit } from '../../../src/inspect/detectors/email.js';
import { detectEmails, normalizeWithMap } from '../../../src/inspect/index.js';
import { found } from '../found.js';

describe('detectEmails', () => {
  it.each([
    ['taro@example.co.jp', 'taro@example.co.jp'],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ', 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ'],
    ['mailto:taro.yamada+tag@mail.example.com', 'taro.yamada+tag@mail.example.com'],
    ['山田<hanako@partner.co.jp>さん', 'hanako@partner.co.jp'],
    ['連絡先はtaro@example.co.jp。', 'taro@example.co.jp'],
    ['write to taro@example.co.jp.', 'taro@example.co.jp'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['a@b-c.example', 'a@b-c.example'],
    ['x@example.com-', 'x@example.com'],
  ])('finds %s', (text, match) => {
    expect(found(detectEmails, text)).toEqual([{ text: match, confidence: 'high' }]);
  });

  it.each([
    'taro@localhost',
    '@example.com',
    'taro@',
    'taro@-example.com',
    'taro@.com',
    'taro @example.com',
    `${'a'.repeat(65)}@example.com`,
    `a@${'b'.repeat(64)}.com`,
  ])('finds nothing in "%s"', (text) => {
    expect(found(detectEmails, text)).toEqual([]);
  });

  it('finds every address in a list', () => {
    expect(found(detectEmails, 'a@x.jp, b@y.jp;c@z.jp').map((match) => match.text)).toEqual(['a@x.jp', 'b@y.jp', 'c@z.jp']);
  });

  it('hides the local part and keeps the domain', () => {
    const [match] = detectEmails(normalizeWithMap('ｔａｒｏ＠Example.CO.JP'));
    expect(match?.masked).toBe('t****@example.co.jp');
  });

  // The units are looked up in a table; the WHATWG classes (docs/inspection.md, "Detectors") as regexes
  // are what it must agree with, for every code unit.
  it('classes every code unit as the WHATWG character classes do', () => {
    const classes = (unit: number) => [isLocalUnit(unit), isLabelUnit(unit), isAlphanumericUnit(unit)];
    const expected = (unit: number) => {
      const character = String.fromCharCode(unit);
      return [/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]$/.test(character), /^[A-Za-z0-9-]$/.test(character), /^[A-Za-z0-9]$/.test(character)];
    };
    for (let unit = 0; unit <= 0xffff; unit += 1) expect(classes(unit), `U+${unit.toString(16)}`).toEqual(expected(unit));
    expect(classes(Number.NaN)).toEqual([false, false, false]);
  });
});
