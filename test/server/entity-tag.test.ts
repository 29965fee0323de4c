import { describe, expect, it } from 'vitest';
import { matchesEntityTag } from '../../src/server/entity-tag.js';

describe('matchesEntityTag', () => {
  it.each([
    [undefined, false],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['"x",W/"abc"', true],
    ['*', true],
    ['"abcd"', false],
    ['abc', false],
    ['', false],
  ])('If-None-Match %j against "abc" -> %s', (header, expected) => {
    expect(matchesEntityTag(header, '"abc"')).toBe(expected);
  });
});
