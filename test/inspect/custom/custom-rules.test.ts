import { describe, expect, it } from 'vitest';
import { compileCustomRules, compilePattern, detectCustom, normalizeWithMap, type PatternErrorCode } from '../../../src/inspect/index.js';

function matchesOf(patternOrTerm: { readonly terms?: string[]; readonly patterns?: string[] }, text: string) {
  const { rules, problems } = compileCustomRules(patternOrTerm);
  expect(problems).toEqual([]);
  return detectCustom(normalizeWithMap(text), rules).map((match) => ({
    kind: match.kind,
    text: text.slice(match.start, match.end),
    ruleIndex: match.ruleIndex,
  }));
}

function texts(patternOrTerm: { readonly terms?: string[]; readonly patterns?: string[] }, text: string): string[] {
  return matchesOf(patternOrTerm, text).map((match) => match.text);
}

describe('terms', () => {
  it.each([
    ['社外秘', 'この資料は社外秘です', ['社外秘']],
    ['confidential', 'STRICTLY CONFIDENTIAL', ['CONFIDENTIAL']],
    ['ＣＯＮＦＩＤＥＮＴＩＡＬ', 'confidential and Confidential', ['confidential', 'Confidential']],
    ['confidential', 'ｃｏｎｆｉｄｅｎｔｉａｌ', ['ｃｏｎｆｉｄｅｎｔｉａｌ']],
    ['ﾏﾙﾋ', '【マルヒ】', ['マルヒ']],
    ['山田', '⼭⽥様', ['⼭⽥']],
    ['Project-X', 'project−x の件', ['project−x']],
    ['aa', 'aaaaa', ['aa', 'aa']],
    ['社外秘', '社外 秘', []],
  ])('%s in "%s"', (term, text, expected) => {
    expect(texts({ terms: [term] }, text)).toEqual(expected);
  });

  it('reports which term matched and keeps overlapping terms', () => {
    expect(matchesOf({ terms: ['社外秘', '秘'] }, '社外秘')).toEqual([
      { kind: 'term', text: '社外秘', ruleIndex: 0 },
      { kind: 'term', text: '秘', ruleIndex: 1 },
    ]);
  });

  it('shows the term itself as the sample', () => {
    const { rules } = compileCustomRules({ terms: ['Secret'] });
    expect(detectCustom(normalizeWithMap('a SECRET b'), rules)[0]?.masked).toBe('secret');
  });
});

describe('patterns', () => {
  it.each([
    ['PRJ-*', 'see PRJ-2024-alpha now', ['PRJ-2024-alpha']],
    ['案件?', '案件A と 案件B', ['案件A', '案件B']],
    ['[A-C]01', 'a01 B01 d01', ['a01', 'B01']],
    ['file\\*', 'file* file', ['file*']],
    ['/\\d{3}-\\d{4}/', '〒１００－０００１', ['１００－０００１']],
    ['/社員番号[:：]?\\s*[A-Z]\\d{5}/', '社員番号: E12345 と 社員番号A99999', ['社員番号: E12345', '社員番号A99999']],
    ['/(?:秘|極秘)資料/', '極秘資料と秘資料', ['極秘資料', '秘資料']],
    ['/ab|abcd/', 'abcd', ['abcd']],
    ['/a+/', 'baaab aa', ['aaa', 'aa']],
    ['/[^0-9]x/', '1x ax', ['ax']],
    ['/colou?r/', 'color COLOUR', ['color', 'COLOUR']],
    ['/x.y/', 'x\ny xzy', ['xzy']],
    ['/\\w+@internal/', 'mail taro@internal now', ['taro@internal']],
    ['/[а-я]+/', 'ПРИВЕТ', ['ПРИВЕТ']],
    ['/(ab){2,3}/', 'abababab', ['ababab']],
  ])('%s in "%s"', (pattern, text, expected) => {
    expect(texts({ patterns: [pattern] }, text)).toEqual(expected);
  });

  const rejected: readonly (readonly [string, PatternErrorCode])[] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['//', 'empty'],
    ['x'.repeat(201), 'too-long'],
    ['/(a/', 'syntax'],
    ['/a)/', 'syntax'],
    ['/[a/', 'syntax'],
    ['/[]/', 'syntax'],
    ['/[z-a]/', 'syntax'],
    ['/*a/', 'syntax'],
    ['/a**/', 'syntax'],
    ['/a{2/', 'syntax'],
    ['/a{,2}/', 'syntax'],
    ['/a{3,2}/', 'too-complex'],
    ['/a{101}/', 'too-complex'],
    ['/(a{100}){100}/', 'too-complex'],
    ['/a+?/', 'unsupported'],
    ['/^a/', 'unsupported'],
    ['/a$/', 'unsupported'],
    ['/\\bword/', 'unsupported'],
    ['/(a)\\1/', 'unsupported'],
    ['/(?=a)/', 'unsupported'],
    ['/(?<name>a)/', 'unsupported'],
    ['/\\p{L}/', 'unsupported'],
    ['/a*/', 'matches-empty'],
    ['/a|/', 'matches-empty'],
    ['*', 'matches-empty'],
    ['file\\', 'syntax'],
  ];
  it.each(rejected)('rejects %s as %s', (source, code) => {
    const result = compilePattern(source);
    expect(result.ok ? null : result.error.code).toBe(code);
  });

  it('keeps the good patterns and reports the bad ones by index', () => {
    const { rules, problems } = compileCustomRules({ terms: ['ok', ''], patterns: ['/(/', 'PRJ-*', '/a*/'] });
    expect(problems).toEqual([
      { list: 'terms', index: 1, error: { code: 'empty' } },
      { list: 'patterns', index: 0, error: { code: 'syntax', at: 0 } },
      { list: 'patterns', index: 2, error: { code: 'matches-empty' } },
    ]);
    expect(detectCustom(normalizeWithMap('ok PRJ-1'), rules).map((match) => [match.kind, match.ruleIndex])).toEqual([
      ['term', 0],
      ['pattern', 1],
    ]);
  });

  it('masks what a pattern matched', () => {
    const { rules } = compileCustomRules({ patterns: ['/E\\d{5}/'] });
    expect(detectCustom(normalizeWithMap('E12345'), rules)[0]?.masked).toBe('E****5');
  });

  it('stays linear on patterns that make backtracking engines explode', () => {
    const { rules } = compileCustomRules({ patterns: ['/(a|aa)+b/', '/(a+)+c/', '/(\\w|\\d)*x/'] });
    const text = 'a'.repeat(50_000);
    expect(detectCustom(normalizeWithMap(text), rules)).toEqual([]);
  });
});
