/** How scripts/public-suffixes.js wrote back-references into a text (see `expandBackReferences`). */
export interface BackReferenceCode {
  /** Characters that start a back-reference; no other character of the packed text is one. */
  readonly marks: string;
  /** Digits of a distance, most significant first. */
  readonly digits: string;
  /** How many marks take one distance digit, then two, then three. */
  readonly marksPerDigitCount: readonly number[];
}

/**
 * The text `packed` stands for: each mark with its distance digits is replaced by `length` characters
 * copied from `distance + 1` characters back in the text expanded so far (LZ77, as in
 * https://en.wikipedia.org/wiki/LZ77_and_LZ78), where a mark's place among the marks of its digit
 * count `n` gives `length - n - 2`. Every other character stands for itself.
 */
export function expandBackReferences(packed: string, code: BackReferenceCode): string {
  // An array, not a growing string: reading back from a string being appended to flattens it each time.
  const text: string[] = [];
  for (let i = 0; i < packed.length; i += 1) {
    const char = packed.charAt(i);
    let mark = code.marks.indexOf(char);
    if (mark < 0) {
      text.push(char);
      continue;
    }
    let digitCount = 1;
    for (const marks of code.marksPerDigitCount) {
      if (mark < marks) break;
      mark -= marks;
      digitCount += 1;
    }
    let distance = 0;
    for (let digit = 0; digit < digitCount; digit += 1) {
      i += 1;
      distance = distance * code.digits.length + code.digits.indexOf(packed.charAt(i));
    }
    const start = text.length - distance - 1;
    const length = mark + digitCount + 2;
    // One character at a time: a copy may overlap the characters it is appending.
    for (let k = 0; k < length; k += 1) text.push(text[start + k] ?? '');
  }
  return text.join('');
}
