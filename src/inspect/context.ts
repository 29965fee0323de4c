// A checksum alone is weak evidence (about 1 in 10 random 12-digit strings passes the My Number check,
// docs/inspection.md, "Detectors"), so several detectors look for a context word near the number.

export const CONTEXT_RADIUS = 30;

/** Context words, lower case, compared with the lower-cased normalised text around the match. */
export function hasContextWord(
  text: string,
  start: number,
  end: number,
  words: readonly string[],
  radius: number = CONTEXT_RADIUS,
): boolean {
  const window = text.slice(Math.max(0, start - radius), Math.min(text.length, end + radius)).toLowerCase();
  return words.some((word) => window.indexOf(word) >= 0);
}
