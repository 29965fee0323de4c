import { describe, expect, it } from 'vitest';
import { detectPhones, normalizeWithMap } from '../../../src/inspect/index.js';
import { DASH_VARIANTS, found } from '../found.js';

describe('detectPhones', () => {
  it.each([
    ['03-1234-5678', 'high'],
    ['03(1234)5678', 'high'],
    ['(03)1234-5678', 'high'],
    ['(03) 1234 5678', 'high'],
    ['03 1234 5678', 'high'],
    ['0466-12-3456', 'high'],
    ['01267-2-3456', 'high'],
    ['090-1234-5678', 'high'],
    ['080 1234 5678', 'high'],
    ['070-1234-5678', 'high'],
    ['050-1234-5678', 'high'],
    ['09012345678', 'high'],
    ['0312345678', 'low'],
    ['05012345678', 'low'],
    ['0120-123-456', 'high'],
    ['0120-12-3456', 'high'],
    ['0800-123-4567', 'high'],
    ['0570-123-456', 'high'],
    ['+81 3-1234-5678', 'high'],
    ['+81-90-1234-5678', 'high'],
    ['+81 90 1234 5678', 'high'],
    ['+81 (0)3-1234-5678', 'high'],
    ['+81312345678', 'high'],
    ['０３－１２３４－５６７８', 'high'],
    ['（０３）１２３４－５６７８', 'high'],
  ])('finds %s (%s)', (phone, confidence) => {
    expect(found(detectPhones, `TEL：${phone} まで`)).toEqual([{ text: phone, confidence }]);
  });

  it.each([
    '12-3456-7890',
    '03-1234-56789',
    '03-123-4567',
    '090-1234-567',
    '090-123-45678',
    '0120-1234-56',
    '0800-123-456',
    '03-1234-5678-9',
    '1-03-1234-5678',
    '9 03 1234 5678',
    '03 1234 5678 9',
    '031234567890',
    '0012345678',
    '+8103-1234-5678',
    '2024-01-15',
    '090(1234-5678',
    '1234-5678-9018',
  ])('finds nothing in "%s"', (text) => {
    expect(found(detectPhones, text)).toEqual([]);
  });

  it('finds several numbers and keeps a neighbouring number apart when separators differ', () => {
    expect(found(detectPhones, 'TEL 03-1234-5678 FAX 03-1234-5679')).toHaveLength(2);
    expect(found(detectPhones, '2 090-1234-5678')).toEqual([{ text: '090-1234-5678', confidence: 'high' }]);
    expect(found(detectPhones, '03-1234-5678 4111111111111111')).toEqual([{ text: '03-1234-5678', confidence: 'high' }]);
  });

  it.each(DASH_VARIANTS)('reads 090%s1234%s5678 as a mobile number', (dash) => {
    const text = `090${dash}1234${dash}5678`;
    expect(found(detectPhones, text)).toEqual([{ text, confidence: 'high' }]);
  });

  it('masks the middle digits', () => {
    const [match] = detectPhones(normalizeWithMap('090-1234-5678'));
    expect(match?.masked).toBe('09 **** 78');
  });
});
