import { describe, expect, it } from 'vitest';
import { detectPostalCodes } from '../../../src/inspect/index.js';
import { found } from '../found.js';

describe('detectPostalCodes', () => {
  it.each([
    ['〒100-0001', '100-0001'],
    ['〒 100-0001 東京都', '100-0001'],
    ['〒1000001', '1000001'],
    ['〒１００－０００１', '１００－０００１'],
    ['〒100ー0001', '100ー0001'],
    ['郵便番号：100-0001', '100-0001'],
    ['郵便番号 1000001', '1000001'],
    ['100-0001 東京都千代田区', '100-0001'],
    ['送付先 530-0001大阪府', '530-0001'],
  ])('finds %s', (text, match) => {
    expect(found(detectPostalCodes, text)).toEqual([{ text: match, confidence: 'high' }]);
  });

  it.each([
    '100-0001',
    '品番 123-4567 です',
    '〒100-00012',
    '〒10-0001',
    '〒100-000',
    '〒100-0001-2',
    '1-100-0001 東京都',
    '100-0001 東京に',
    '郵便番号は未定 100-0001',
  ])('finds nothing in "%s"', (text) => {
    expect(found(detectPostalCodes, text)).toEqual([]);
  });
});
