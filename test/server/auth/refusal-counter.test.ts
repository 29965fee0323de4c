import { describe, expect, it } from 'vitest';
import { refusalCounter } from '../../../src/server/auth/refusal-counter.js';

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
});
