// Check digits defined by statute or standard; docs/inspection.md, "Detectors", names the sources.

function isAllDigits(value: string): boolean {
  return /^[0-9]+$/.test(value);
}

function digitAt(value: string, index: number): number {
  return value.charCodeAt(index) - 0x30;
}

/**
 * 個人番号 (12 digits, check digit last). 平成26年総務省令第85号 第5条: weights 2..7, 2..6 from the right
 * of the 11-digit base; check = 11 − (Σ mod 11), or 0 when the remainder is 0 or 1.
 */
export function isValidMyNumber(value: string): boolean {
  if (value.length !== 12 || !isAllDigits(value)) return false;
  let sum = 0;
  for (let position = 1; position <= 11; position += 1) {
    const weight = position <= 6 ? position + 1 : position - 5;
    sum += digitAt(value, 11 - position) * weight;
  }
  const remainder = sum % 11;
  return (remainder <= 1 ? 0 : 11 - remainder) === digitAt(value, 11);
}

/**
 * 法人番号 (13 digits, check digit first). 平成26年財務省令第70号 第2条: weights 1, 2, 1, 2 … from the right of
 * the 12-digit base; check = 9 − (Σ mod 9), always 1–9.
 */
export function isValidCorporateNumber(value: string): boolean {
  if (value.length !== 13 || !isAllDigits(value)) return false;
  let sum = 0;
  for (let position = 1; position <= 12; position += 1) {
    sum += digitAt(value, 13 - position) * (position % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9) === digitAt(value, 0);
}

/** ISO/IEC 7812-1 Luhn: double every second digit from the right. */
export function passesLuhn(value: string): boolean {
  if (value.length === 0 || !isAllDigits(value)) return false;
  let sum = 0;
  let double = false;
  for (let index = value.length - 1; index >= 0; index -= 1) {
    let digit = digitAt(value, index);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}
