import { describe, expect, it } from 'vitest';
import { countRefusals, refusalCounter } from '../../../src/server/auth/refusal-counter.js';

describe('refusalCounter', () => {
  it('counts each address apart within a window and starts again after it', () => {
    let time = 1000;
    const counter = refusalCounter(60_000, () => time);
    expect(counter.record('a')).toEqual({ count: 1, resetInMs: 60_000 });
    time += 10_000;
    expect(counter.record('a')).toEqual({ count: 2, resetInMs: 50_000 });
    expect(counter.record('b').count).toBe(1);
    time += 50_000;
    expect(counter.record('a')).toEqual({ count: 1, resetInMs: 60_000 });
  });

  it('makes addresses past the tracked maximum share one count', () => {
    const counter = refusalCounter(60_000, () => 0, 2);
    counter.record('a');
    counter.record('b');
    expect(counter.record('c').count).toBe(1);
    expect(counter.record('d').count).toBe(2);
    expect(counter.record('a').count).toBe(2);
  });

  it('counts through shared counters under a key of its own, and on its own when they fail', async () => {
    const keys: string[] = [];
    let failing = false;
    const counters = {
      async increment(key: string) {
        keys.push(key);
        if (failing) throw new Error('database gone');
        return { count: 7, resetInMs: 1234 };
      },
    };
    const count = countRefusals(60_000, () => 0, counters);
    expect(await count('192.0.2.1')).toEqual({ count: 7, resetInMs: 1234 });
    expect(keys).toEqual(['refused:192.0.2.1']);
    failing = true;
    expect(await count('192.0.2.1')).toEqual({ count: 1, resetInMs: 60_000 });
    expect(await count('192.0.2.1')).toEqual({ count: 2, resetInMs: 60_000 });
  });
});
