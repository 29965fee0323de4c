import { describe, expect, it } from 'vitest';
import { detectCorporateNumbers, normalizeWithMap } from '../../../src/inspect/index.js';
import { found } from '../found.js';

describe('detectCorporateNumbers', () => {
  it.each([
    ['法人番号 7000012050002', '7000012050002', 'high'],
    ['Corporate Number: 4011001098993', '4011001098993', 'high'],
    ['登録番号：Ｔ４０１１００１０９８９９３', '４０１１００１０９８９９３', 'high'],
    ['T7000012050002', '7000012050002', 'high'],
    ['7000012050002', '7000012050002', 'low'],
    ['取引先 2120901007402 様', '2120901007402', 'low'],
  ])('finds %s', (text, match, confidence) => {
    expect(found(detectCorporateNumbers, text)).toEqual([{ text: match, confidence }]);
  });

  it.each(['法人番号 1000012050002', '17000012050002', '70000120500021', '7000012050002-1', '700001205000', '7000 0120 5000 2'])(
    'finds nothing in "%s"',
    (text) => {
      expect(found(detectCorporateNumbers, text)).toEqual([]);
    },
  );

  it('masks the middle digits', () => {
    const [match] = detectCorporateNumbers(normalizeWithMap('法人番号 7000012050002'));
    expect(match?.masked).toBe('7000 **** 0002');
  });
});
