import { describe, expect, it } from 'vitest';
import { normalizeWithMap } from '../../src/inspect/index.js';
import { DASH_VARIANTS } from './found.js';

describe('normalizeWithMap', () => {
  const cases: readonly { readonly input: string; readonly text: string }[] = [
    { input: '１２３４－５６７８', text: '1234-5678' },
    { input: 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', text: 'taro@example.jp' },
    { input: '東京都千代⽥区', text: '東京都千代田区' },
    { input: '⼭⽥', text: '山田' },
    { input: '山田\u3000太郎', text: '山田 太郎' },
    { input: 'ﾏｲﾅﾝﾊﾞｰ', text: 'マイナンバー' },
    { input: 'ｶﾞｷﾞ', text: 'ガギ' },
    { input: 'か\u3099', text: 'が' },
    { input: '①②', text: '12' },
    { input: 'コーヒー', text: 'コーヒー' },
    { input: '1ー2ー3', text: '1-2-3' },
    { input: '1ｰ2', text: '1-2' },
    { input: 'ナンバー1', text: 'ナンバー1' },
    { input: '1ー', text: '1ー' },
    { input: 'a—b', text: 'a-b' },
    { input: '😀１', text: '😀1' },
  ];
  it.each(cases)('$input → $text', ({ input, text }) => {
    expect(normalizeWithMap(input).text).toBe(text);
  });

  it.each(DASH_VARIANTS)('folds %s between digits to a hyphen', (dash) => {
    expect(normalizeWithMap(`03${dash}1234`).text).toBe('03-1234');
  });

  it('maps every output index back into the source', () => {
    const source = 'ﾏｲﾅﾝﾊﾞｰ：１２３４ ㍻ ⼭⽥';
    const normalized = normalizeWithMap(source);
    expect(normalized.text).toBe('マイナンバー:1234 平成 山田');
    const at = normalized.text.indexOf('1234');
    expect(normalized.toOriginalSpan(at, at + 4)).toEqual({ start: source.indexOf('１'), end: source.indexOf('４') + 1 });
    const era = normalized.text.indexOf('平成');
    expect(normalized.toOriginalSpan(era, era + 2)).toEqual({ start: source.indexOf('㍻'), end: source.indexOf('㍻') + 1 });
    expect(normalized.toOriginalSpan(era + 1, era + 2)).toEqual({ start: source.indexOf('㍻'), end: source.indexOf('㍻') + 1 });
    const voiced = normalized.text.indexOf('バ');
    expect(source.slice(normalized.toOriginal(voiced), normalized.toOriginalSpan(voiced, voiced + 1).end)).toBe('ﾊﾞ');
    expect(normalized.toOriginal(normalized.text.length)).toBe(source.length);
    expect(normalized.originalLength).toBe(source.length);
  });

  it('maps spans after surrogate pairs and expansions', () => {
    const source = '😀ﬁ１';
    const normalized = normalizeWithMap(source);
    expect(normalized.text).toBe('😀fi1');
    expect(normalized.toOriginalSpan(4, 5)).toEqual({ start: 3, end: 4 });
    expect(normalized.toOriginalSpan(2, 3)).toEqual({ start: 2, end: 3 });
  });

  it('clamps out-of-range indexes and keeps empty spans empty', () => {
    const normalized = normalizeWithMap('ab');
    expect(normalized.toOriginal(-5)).toBe(0);
    expect(normalized.toOriginal(99)).toBe(2);
    expect(normalized.toOriginalSpan(1, 1)).toEqual({ start: 1, end: 1 });
    expect(normalizeWithMap('').text).toBe('');
  });
});
