/** The digits of a text of packed numbers (see `unpackNumbers`); no character is in both. */
export interface NumberDigits {
  /** The last digit of each number. */
  readonly final: string;
  /** The digits before it, for numbers of `final.length` and more. */
  readonly more: string;
}

/**
 * The whole numbers a generated table writes as text (`packNumber` in scripts/confusables.js): each ends
 * with one `final` digit, its value modulo `final.length`, and the `more` digits before it give the rest
 * in bijective base `more.length` (https://en.wikipedia.org/wiki/Bijective_numeration), most significant first.
 */
export function unpackNumbers(packed: string, digits: NumberDigits): number[] {
  const numbers: number[] = [];
  let rest = 0;
  for (let i = 0; i < packed.length; i += 1) {
    const char = packed.charAt(i);
    const more = digits.more.indexOf(char);
    if (more >= 0) {
      rest = rest * digits.more.length + more + 1;
    } else {
      numbers.push(rest * digits.final.length + digits.final.indexOf(char));
      rest = 0;
    }
  }
  return numbers;
}
