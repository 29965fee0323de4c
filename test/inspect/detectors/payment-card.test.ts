import { describe, expect, it } from 'vitest';
import { detectPaymentCards, normalizeWithMap } from '../../../src/inspect/index.js';
import { DASH_VARIANTS, found } from '../found.js';

describe('detectPaymentCards', () => {
  it.each([
    ['4111 1111 1111 1111', '4111 1111 1111 1111', 'high'],
    ['4111-1111-1111-1111', '4111-1111-1111-1111', 'high'],
    ['カード番号：4111111111111111', '4111111111111111', 'high'],
    ['VISA 4012888888881881 exp 12/29', '4012888888881881', 'high'],
    ['4111111111111111', '4111111111111111', 'low'],
    ['５５５５　５５５５　５５５５　４４４４', '５５５５　５５５５　５５５５　４４４４', 'high'],
    ['３７８２－８２２４６３－１０００５', '３７８２－８２２４６３－１０００５', 'high'],
    ['3056-930902-5904', '3056-930902-5904', 'high'],
    ['JCB 3530111333300000', '3530111333300000', 'high'],
    ['2223 0000 4840 0011', '2223 0000 4840 0011', 'high'],
    ['注文 12345 4111111111111111 を確認', '4111111111111111', 'low'],
    ['a4111111111111111b', '4111111111111111', 'low'],
    ['03-1234-5678 4111111111111111', '4111111111111111', 'low'],
  ])('finds a card in "%s"', (text, match, confidence) => {
    expect(found(detectPaymentCards, text)).toEqual([{ text: match, confidence }]);
  });

  it.each([
    '4111111111111112',
    '1234567812345670',
    '41111111111111110',
    '04111111111111111',
    '94111111111111111000',
    '4111-1111-1111-1111-1111',
    '1-4111111111111111',
    '4111111111111111-2',
    '2024 4111 1111 1111 1111',
    '4111 1111-1111 1111',
    '411111111111',
  ])('finds nothing in "%s"', (text) => {
    expect(found(detectPaymentCards, text)).toEqual([]);
  });

  it.each(DASH_VARIANTS)('reads 4111%s1111%s1111%s1111 as one card', (dash) => {
    const text = `4111${dash}1111${dash}1111${dash}1111`;
    expect(found(detectPaymentCards, text)).toEqual([{ text, confidence: 'high' }]);
  });

  it('masks all but the first and last four digits', () => {
    const [match] = detectPaymentCards(normalizeWithMap('5555 5555 5555 4444'));
    expect(match?.masked).toBe('5555 **** 4444');
  });
});
