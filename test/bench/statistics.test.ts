import { describe, expect, it } from 'vitest';
import { formatMs, median, percentile } from '../../src/bench/statistics.js';

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

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => 100 - index);
  it.each([
    [[], 0.5, Number.NaN],
    [[7], 0.99, 7],
    [hundred, 0.5, 50],
    [hundred, 0.99, 99],
    [hundred, 1, 100],
    [[3, 1, 2], 0, 1],
  ])('%j at %d → %d', (samples, fraction, expected) => {
    expect(percentile(samples, fraction)).toBe(expected);
  });
});
