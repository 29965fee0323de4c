import { describe, expect, it } from 'vitest';
import { detectBankAccounts, normalizeWithMap } from '../../../src/inspect/index.js';
import { found } from '../found.js';

describe('detectBankAccounts', () => {
  it.each([
    ['普通 1234567', '1234567'],
    ['みずほ銀行 渋谷支店 普通預金 口座番号：１２３４５６７', '１２３４５６７'],
    ['当座　7654321', '7654321'],
    ['口座番号1234567', '1234567'],
    ['(普通)0012345 ヤマダタロウ', '0012345'],
    ['ゆうちょ銀行 記号10150 番号12345671', '10150 番号12345671'],
    ['記号：12340　番号：1', '12340　番号：1'],
    ['ゆうちょ 10150-12345671', '10150-12345671'],
  ])('finds %s', (text, match) => {
    expect(found(detectBankAccounts, text)).toEqual([{ text: match, confidence: 'high' }]);
  });

  it.each([
    '1234567',
    '普通 12345678',
    '普通 123456',
    '普通 1234567円',
    '普通 1234567-8',
    '普通\n1234567',
    '記号10150 番号12345678',
    '記号20150 番号12345671',
    '10150-12345671',
    'ゆうちょ 20150-12345671',
  ])('finds nothing in "%s"', (text) => {
    expect(found(detectBankAccounts, text)).toEqual([]);
  });

  it('masks the account number', () => {
    const [match] = detectBankAccounts(normalizeWithMap('普通 1234567'));
    expect(match?.masked).toBe('1 **** 7');
  });
});
