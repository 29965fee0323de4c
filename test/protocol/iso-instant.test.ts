import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from '../../src/protocol/index.js';

describe('parseIsoInstant', () => {
  it.each([
    ['2026-12-01', Date.UTC(2026, 11, 1)],
    ['2026-12-01T15:00:00.000Z', Date.UTC(2026, 11, 1, 15)],
    ['2026-12-01T09:30+09:00', Date.UTC(2026, 11, 1, 0, 30)],
    ['2028-02-29T23:59:59Z', Date.UTC(2028, 1, 29, 23, 59, 59)],
  ])('reads %s', (text, expected) => {
    expect(parseIsoInstant(text)).toBe(expected);
  });

  it.each([
    ['a bare number', '12'],
    ['words', 'March 2026'],
    ['a day that does not exist', '2026-02-30'],
    ['29 February outside a leap year', '2027-02-29T00:00Z'],
    ['a month 13', '2026-13-01'],
    ['an hour 24', '2026-12-01T24:00Z'],
    ['a date without its dashes', '20261201'],
    ['text after the time', '2026-12-01T15:00:00Z trailing'],
    ['an empty text', ''],
  ])('refuses %s', (_name, text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });
});
