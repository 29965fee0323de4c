// Issuer identification number (IIN) ranges of the card brands seen in Japan, with their lengths.

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'jcb' | 'diners' | 'discover';

interface BrandRange {
  readonly brand: CardBrand;
  /** Inclusive range of the first `prefixLength` digits. */
  readonly low: number;
  readonly high: number;
  readonly prefixLength: number;
  readonly lengths: readonly number[];
}

const RANGES: readonly BrandRange[] = [
  { brand: 'visa', low: 4, high: 4, prefixLength: 1, lengths: [13, 16, 19] },
  { brand: 'mastercard', low: 51, high: 55, prefixLength: 2, lengths: [16] },
  { brand: 'mastercard', low: 2221, high: 2720, prefixLength: 4, lengths: [16] },
  { brand: 'amex', low: 34, high: 34, prefixLength: 2, lengths: [15] },
  { brand: 'amex', low: 37, high: 37, prefixLength: 2, lengths: [15] },
  { brand: 'jcb', low: 3528, high: 3589, prefixLength: 4, lengths: [16, 17, 18, 19] },
  { brand: 'diners', low: 300, high: 305, prefixLength: 3, lengths: [14, 15, 16, 17, 18, 19] },
  { brand: 'diners', low: 36, high: 36, prefixLength: 2, lengths: [14, 15, 16, 17, 18, 19] },
  { brand: 'diners', low: 38, high: 39, prefixLength: 2, lengths: [14, 15, 16, 17, 18, 19] },
  { brand: 'discover', low: 6011, high: 6011, prefixLength: 4, lengths: [16, 17, 18, 19] },
  { brand: 'discover', low: 644, high: 649, prefixLength: 3, lengths: [16, 17, 18, 19] },
  { brand: 'discover', low: 65, high: 65, prefixLength: 2, lengths: [16, 17, 18, 19] },
];

/** The brand whose IIN range and length fit `digits`, or null. */
export function cardBrand(digits: string): CardBrand | null {
  for (const range of RANGES) {
    if (digits.length < range.prefixLength) continue;
    const prefix = Number(digits.slice(0, range.prefixLength));
    if (prefix >= range.low && prefix <= range.high && range.lengths.indexOf(digits.length) >= 0) return range.brand;
  }
  return null;
}
