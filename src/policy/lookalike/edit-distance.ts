export function codePointsOf(text: string): number[] {
  const points: number[] = [];
  for (const char of text) points.push(char.codePointAt(0) ?? 0);
  return points;
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein where swapping two neighbours costs one
 * edit) between two code point sequences. Past `limit` the exact value does not matter: the result
 * is then `limit + 1`, and the work stops as soon as no alignment can come back under the limit.
 */
export function codePointDistance(a: readonly number[], b: readonly number[], limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  let twoBack: number[] = [];
  let previous: number[] = [];
  let current: number[] = [];
  for (let j = 0; j < width; j += 1) {
    twoBack.push(0);
    previous.push(j);
    current.push(0);
  }
  let previousMinimum = 0;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let minimum = i;
    for (let j = 1; j < width; j += 1) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (twoBack[j - 2] ?? 0) + 1);
      }
      current[j] = best;
      if (best < minimum) minimum = best;
    }
    // A later row can only fall below this row's minimum through a swap, which reaches back one row more.
    if (Math.min(minimum, previousMinimum + 1) > limit) return limit + 1;
    previousMinimum = minimum;
    const recycled = twoBack;
    twoBack = previous;
    previous = current;
    current = recycled;
  }
  return Math.min(previous[b.length] ?? 0, limit + 1);
}

/** `codePointDistance` of two strings, so that a character outside the BMP counts as one edit. */
export function editDistance(left: string, right: string, limit = Number.POSITIVE_INFINITY): number {
  return codePointDistance(codePointsOf(left), codePointsOf(right), limit);
}
