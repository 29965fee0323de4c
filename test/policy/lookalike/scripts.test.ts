import { describe, expect, it } from 'vitest';
import { isMixedScript, scriptOf, scriptsOf } from '../../../src/policy/lookalike/scripts.js';

describe('scriptOf', () => {
  it.each([
    ['a', 'Latin'],
    ['Z', 'Latin'],
    ['é', 'Latin'],
    ['ɑ', 'Latin'],
    ['ｅ', 'Latin'],
    ['0', 'Common'],
    ['-', 'Common'],
    ['ー', 'Common'],
    ['а', 'Cyrillic'],
    ['ӏ', 'Cyrillic'],
    ['ԁ', 'Cyrillic'],
    ['α', 'Greek'],
    ['ο', 'Greek'],
    ['օ', 'Armenian'],
    ['Ꭺ', 'Cherokee'],
    ['ꭺ', 'Cherokee'],
    ['日', 'Han'],
    ['々', 'Han'],
    ['𠮷', 'Han'],
    ['あ', 'Hiragana'],
    ['ア', 'Katakana'],
    ['ｱ', 'Katakana'],
    ['한', 'Hangul'],
    ['\u0301', 'Inherited'],
    ['\u200d', 'Inherited'],
    ['ع', 'Other'],
    ['_', 'Other'],
  ])('%s is %s', (char, script) => {
    expect(scriptOf(char.codePointAt(0) ?? -1)).toBe(script);
  });

  it('is Other outside every range', () => {
    expect(scriptOf(-1)).toBe('Other');
    expect(scriptOf(0x10ffff)).toBe('Other');
  });
});

describe('scriptsOf', () => {
  it('leaves out Common and Inherited characters', () => {
    expect([...scriptsOf('ex-am1ple')]).toEqual(['Latin']);
    expect([...scriptsOf('exаmple')].sort()).toEqual(['Cyrillic', 'Latin']);
    expect(scriptsOf('0-9').size).toBe(0);
  });
});

describe('isMixedScript', () => {
  it.each([
    ['example', false],
    ['exаmple', true],
    ['аррӏе', false],
    ['αpple', true],
    ['ѕοոу', true],
    ['日本語', false],
    ['ソニー銀行', false],
    ['ひらがなカタカナ漢字abc', false],
    ['한국abc漢字', false],
    ['한국ひらがな', true],
    ['abcع', true],
    ['123-456', false],
  ])('%s: %s', (label, mixed) => {
    expect(isMixedScript(label)).toBe(mixed);
  });
});
