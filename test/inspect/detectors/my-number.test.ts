import { describe, expect, it } from 'vitest';
import { detectMyNumbers, normalizeWithMap } from '../../../src/inspect/index.js';
import { DASH_VARIANTS, found, toFullWidth } from '../found.js';

describe('detectMyNumbers', () => {
  const positives: readonly { readonly text: string; readonly match: string; readonly confidence: 'high' | 'low' }[] = [
    { text: 'マイナンバー: 123456789018', match: '123456789018', confidence: 'high' },
    { text: 'マイナンバー：１２３４５６７８９０１８', match: '１２３４５６７８９０１８', confidence: 'high' },
    { text: '個人番号は1234 5678 9018です', match: '1234 5678 9018', confidence: 'high' },
    { text: 'My Number 123456789018', match: '123456789018', confidence: 'high' },
    { text: 'MY NUMBER:123456789018', match: '123456789018', confidence: 'high' },
    { text: '通知カードの番号 123456789018', match: '123456789018', confidence: 'high' },
    { text: 'ﾏｲﾅﾝﾊﾞｰ 123456789018', match: '123456789018', confidence: 'high' },
    { text: '1234-5678-9018', match: '1234-5678-9018', confidence: 'high' },
    { text: '１２３４　５６７８　９０１８', match: '１２３４　５６７８　９０１８', confidence: 'high' },
    { text: '123456789018', match: '123456789018', confidence: 'low' },
    { text: '番号 000000000140 です', match: '000000000140', confidence: 'low' },
    { text: 'ID:123456789018、', match: '123456789018', confidence: 'low' },
    { text: '1 123456789018', match: '123456789018', confidence: 'low' },
  ];
  it.each(positives)('finds $match in "$text" ($confidence)', ({ text, match, confidence }) => {
    expect(found(detectMyNumbers, text)).toEqual([{ text: match, confidence }]);
  });

  it.each([
    '123456789012',
    '1234567890180',
    '0123456789018',
    '1-123456789018',
    '123456789018-2',
    '1234-5678-9018-1234',
    '9999-1234-5678-9018',
    '12-3456-789018',
    '1234-5678 9018',
    '12345678 9018',
    'マイナンバー 1234 5678 9019',
  ])('finds nothing in "%s"', (text) => {
    expect(found(detectMyNumbers, text)).toEqual([]);
  });

  it.each(DASH_VARIANTS)('reads 1234%s5678%s9018 as 4-4-4', (dash) => {
    const text = `1234${dash}5678${dash}9018`;
    expect(found(detectMyNumbers, text)).toEqual([{ text, confidence: 'high' }]);
  });

  it.each([
    ['個人番号' + 'x'.repeat(26) + '123456789018', 'high'],
    ['個人番号' + 'x'.repeat(27) + '123456789018', 'low'],
    ['123456789018' + 'x'.repeat(26) + '個人番号', 'high'],
    ['123456789018' + 'x'.repeat(27) + '個人番号', 'low'],
  ])('context window of ±30 characters: %s → %s', (text, confidence) => {
    expect(found(detectMyNumbers, text)).toEqual([{ text: '123456789018', confidence }]);
  });

  it('masks the middle digits', () => {
    const [match] = detectMyNumbers(normalizeWithMap(toFullWidth('マイナンバー 1234-5678-9018')));
    expect(match?.masked).toBe('1234 **** 9018');
    expect(JSON.stringify(match)).not.toContain('5678');
  });
});
