import { describe, expect, it } from 'vitest';
import { cardBrand, isValidCorporateNumber, isValidMyNumber, passesLuhn } from '../../src/inspect/index.js';

describe('isValidMyNumber (総務省令第85号 第5条)', () => {
  it.each([
    ['123456789018', true],
    ['000000000000', true],
    ['123456789012', false],
    ['123456789019', false],
    ['12345678901', false],
    ['1234567890180', false],
    ['12345678901a', false],
    ['１２３４５６７８９０１８', false],
  ])('%s → %s', (value, valid) => {
    expect(isValidMyNumber(value)).toBe(valid);
  });

  it.each([
    // Base 00000000014: 4×2 + 1×3 = 11, remainder 0 → check digit 0.
    ['000000000140', true],
    // Base 00000000006: 6×2 = 12, remainder 1 → check digit 0 (not 11 − 1 = 10).
    ['000000000060', true],
    ['000000000061', false],
    // Base 00000000010: 1×3 = 3 → check digit 11 − 3 = 8.
    ['000000000108', true],
    // Base 10000000001: 1×6 (11th from the right) + 1×2 = 8 → check digit 3.
    ['100000000013', true],
  ])('remainder rule: %s → %s', (value, valid) => {
    expect(isValidMyNumber(value)).toBe(valid);
  });
});

describe('isValidCorporateNumber (財務省令第70号 第2条)', () => {
  it.each([
    ['7000012050002', true],
    ['4011001098993', true],
    ['7123456789012', true],
    ['2120901007402', true],
    ['1000012050002', false],
    ['0000012050002', false],
    ['700001205000', false],
    ['70000120500021', false],
  ])('%s → %s', (value, valid) => {
    expect(isValidCorporateNumber(value)).toBe(valid);
  });
});

describe('passesLuhn and cardBrand', () => {
  it.each([
    ['4111111111111111', 'visa'],
    ['4012888888881881', 'visa'],
    ['4222222222222', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['5105105105105100', 'mastercard'],
    ['2223000048400011', 'mastercard'],
    ['378282246310005', 'amex'],
    ['371449635398431', 'amex'],
    ['3530111333300000', 'jcb'],
    ['3566002020360505', 'jcb'],
    ['30569309025904', 'diners'],
    ['36227206271667', 'diners'],
    ['38520000023237', 'diners'],
    ['6011111111111117', 'discover'],
    ['6011000990139424', 'discover'],
    ['6445644564456445', 'discover'],
    ['6500000000000002', 'discover'],
  ])('published test number %s is %s', (digits, brand) => {
    expect(passesLuhn(digits)).toBe(true);
    expect(cardBrand(digits)).toBe(brand);
  });

  it.each([
    ['4111111111111112', false],
    ['79927398713', true],
    ['79927398710', false],
    ['', false],
    ['4111-1111', false],
  ])('Luhn %s → %s', (digits, valid) => {
    expect(passesLuhn(digits)).toBe(valid);
  });

  it.each([
    ['1234567812345670'],
    ['3527000000000000'],
    ['3590000000000000'],
    ['2220999999999999'],
    ['2721000000000000'],
    ['5655555555555555'],
    ['37828224631000'],
  ])('%s has no known brand at its length', (digits) => {
    expect(cardBrand(digits)).toBeNull();
  });
});
