import { describe, expect, it } from 'vitest';
import { formatMs, median } from '../../src/bench/statistics.js';

describe('median', () => {
  it.each([
    [[], Number.NaN],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('%j → %d', (samples, expected) => {
    expect(median(samples)).toBe(expected);
  });
});

describe('formatMs', () => {
  it.each([
    [0.25, '250 µs'],
    [3.14159, '3.14 ms'],
    [18.64, '18.6 ms'],
  ])('%d → %s', (value, expected) => {
    expect(formatMs(value)).toBe(expected);
  });
});
