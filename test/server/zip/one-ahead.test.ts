import { setImmediate as afterThisTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { oneAhead } from '../../../src/server/zip/one-ahead.js';

/** A source that records when each item is asked for and whether it was closed. */
function recordingSource(
  items: readonly string[],
  failAt?: number,
): { source: AsyncGenerator<string>; asked: number[]; closed: () => boolean } {
  const asked: number[] = [];
  let closed = false;
  async function* source(): AsyncGenerator<string> {
    try {
      for (const [index, item] of items.entries()) {
        asked.push(index);
        if (index === failAt) throw new Error(`item ${index} failed`);
        yield item;
      }
    } finally {
      closed = true;
    }
  }
  return { source: source(), asked, closed: () => closed };
}

describe('oneAhead', () => {
  it('yields every item in order and ends', async () => {
    const { source, closed } = recordingSource(['a', 'b', 'c']);
    const seen: string[] = [];
    for await (const item of oneAhead(source)) seen.push(item);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(closed()).toBe(true);
  });

  it('starts on the next item while the consumer is still busy with the current one, not before', async () => {
    const { source, asked } = recordingSource(['a', 'b', 'c']);
    const ahead = oneAhead(source);
    expect(await ahead.next()).toEqual({ done: false, value: 'a' });
    // The consumer has the first item and has not asked again: the source must not have run yet...
    expect(asked).toEqual([0]);
    // ...but once the consumer waits (as for a write), the second item is made without being asked for.
    await afterThisTurn();
    expect(asked).toEqual([0, 1]);
    expect(await ahead.next()).toEqual({ done: false, value: 'b' });
  });

  it('gives a failure to the consumer in place of the item that failed', async () => {
    const { source } = recordingSource(['a', 'b', 'c'], 1);
    const seen: string[] = [];
    await expect(async () => {
      for await (const item of oneAhead(source)) seen.push(item);
    }).rejects.toThrow('item 1 failed');
    expect(seen).toEqual(['a']);
  });

  it('closes the source when the consumer stops early', async () => {
    const { source, asked, closed } = recordingSource(['a', 'b', 'c']);
    for await (const item of oneAhead(source)) {
      expect(item).toBe('a');
      break;
    }
    expect(closed()).toBe(true);
    expect(asked).toEqual([0]);
  });

  it('drops a failure made ahead for a consumer that has stopped', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      const { source } = recordingSource(['a', 'b', 'c'], 1);
      for await (const item of oneAhead(source)) {
        expect(item).toBe('a');
        // The second item is made, and fails, while the consumer is still on the first.
        await afterThisTurn();
        break;
      }
      await afterThisTurn();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
