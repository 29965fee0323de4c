import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedTogether } from '../../src/inspect/sorted-together.js';

// Items compared by `key` alone, so ties show whether the lists' order and each list's own order are kept.
interface Item {
  readonly key: number;
  readonly list: number;
  readonly place: number;
}

const byKey = (left: Item, right: Item): number => left.key - right.key;

describe('sortedTogether', () => {
  it('orders the lists as a stable sort of them joined, sorted or not', () => {
    const keys = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 12 });
    const lists = fc
      .array(fc.tuple(keys, fc.boolean()), { maxLength: 6 })
      .map((drawn) =>
        drawn.map(([values, sorted], list) =>
          (sorted ? values.slice().sort((left, right) => left - right) : values).map((key, place) => ({ key, list, place })),
        ),
      );
    fc.assert(
      fc.property(lists, (given) => {
        expect(sortedTogether(given, byKey)).toEqual(given.flat().sort(byKey));
      }),
      { numRuns: 2000 },
    );
  });

  it('returns a single list in order itself', () => {
    const list = [1, 2, 2, 5];
    expect(sortedTogether([[], list, []], (left, right) => left - right)).toBe(list);
  });
});
