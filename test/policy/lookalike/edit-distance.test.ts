import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/policy/lookalike/edit-distance.js';

// A small alphabet, so that random pairs share letters and swaps actually occur.
const shortText = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '𠮷'), maxLength: 7 });

/** The textbook recursion, slow but obviously right, as the reference. */
function reference(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const i = a.length;
  const j = b.length;
  let best = Math.min(
    reference(a.slice(0, -1), b) + 1,
    reference(a, b.slice(0, -1)) + 1,
    reference(a.slice(0, -1), b.slice(0, -1)) + (a[i - 1] === b[j - 1] ? 0 : 1),
  );
  if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
    best = Math.min(best, reference(a.slice(0, -2), b.slice(0, -2)) + 1);
  }
  return best;
}

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['example', 'example', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['example', 'exmaple', 1],
    ['example', 'exampe', 1],
    ['example', 'examplee', 1],
    ['example', 'exbmple', 1],
    ['microsoft', 'rnicrosoft', 2],
    ['microsoft', 'micrsofft', 2],
    ['ca', 'abc', 3],
    ['sony', 'sonar', 2],
    ['𠮷野家', '吉野家', 1],
  ])('%s / %s: %d', (left, right, distance) => {
    expect(editDistance(left, right)).toBe(distance);
    expect(editDistance(right, left)).toBe(distance);
  });

  it('agrees with the textbook recursion', () => {
    fc.assert(
      fc.property(shortText, shortText, (left, right) => {
        expect(editDistance(left, right)).toBe(reference(Array.from(left), Array.from(right)));
      }),
      { numRuns: 500 },
    );
  });

  it('is zero exactly for equal strings, and at most the longer length', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), shortText), fc.oneof(fc.string(), shortText), (left, right) => {
        const distance = editDistance(left, right);
        expect(distance === 0).toBe(left === right);
        expect(distance).toBeLessThanOrEqual(Math.max(Array.from(left).length, Array.from(right).length));
        expect(distance).toBeGreaterThanOrEqual(Math.abs(Array.from(left).length - Array.from(right).length));
      }),
    );
  });
});

describe('editDistance with a limit', () => {
  it('is exact up to the limit and limit + 1 beyond it', () => {
    fc.assert(
      fc.property(shortText, shortText, fc.nat(4), (left, right, limit) => {
        expect(editDistance(left, right, limit)).toBe(Math.min(editDistance(left, right), limit + 1));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['example', 'exmaple', 0, 1],
    ['example', 'exmaple', 1, 1],
    ['abcdefgh', 'badcfehg', 2, 3],
    ['microsoft', 'partner', 2, 3],
  ])('%s / %s within %d: %d', (left, right, limit, distance) => {
    expect(editDistance(left, right, limit)).toBe(distance);
  });
});
