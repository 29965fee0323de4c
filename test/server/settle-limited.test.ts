import { describe, expect, it } from 'vitest';
import { allSettledLimited } from '../../src/server/settle-limited.js';

/** Settles on a later turn, after `ms`, rejecting for odd numbers when asked to. */
async function later(value: number, ms: number, rejectOdd = false): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  if (rejectOdd && value % 2 === 1) throw new Error(`odd ${value}`);
  return value * 10;
}

describe('allSettledLimited', () => {
  it('answers as Promise.allSettled does, in the order of the items, whatever order they settle in', async () => {
    const items = [5, 1, 4, 2, 3];
    const work = async (value: number) => later(value, value * 3, true);
    expect(await allSettledLimited(items, 2, work)).toEqual(await Promise.allSettled(items.map(work)));
  });

  it('starts the next item as soon as one settles, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const finished: number[] = [];
    await allSettledLimited([1, 2, 3, 4, 5, 6, 7], 3, async (value) => {
      running += 1;
      most = Math.max(most, running);
      await later(value, value === 1 ? 200 : 2);
      running -= 1;
      finished.push(value);
    });
    expect(most).toBe(3);
    // Item 1 is slow: the other two lanes take everything after it meanwhile, not waiting for a batch.
    expect(finished).toEqual([2, 3, 4, 5, 6, 7, 1]);
  });

  it('answers an empty list at once and refuses a limit below 1', async () => {
    expect(await allSettledLimited([], 4, async () => 1)).toEqual([]);
    await expect(allSettledLimited([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });
});
