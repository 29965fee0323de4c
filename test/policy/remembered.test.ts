import { describe, expect, it } from 'vitest';
import { remembered } from '../../src/policy/remembered.js';

describe('remembered', () => {
  it('computes each key once, null answers too, and starts over at its bound', () => {
    const asked: string[] = [];
    const lengthOrNull = remembered((key: string) => {
      asked.push(key);
      return key === '' ? null : key.length;
    }, 3);
    expect([lengthOrNull('ab'), lengthOrNull('ab'), lengthOrNull(''), lengthOrNull('')]).toEqual([2, 2, null, null]);
    expect(asked).toEqual(['ab', '']);
    lengthOrNull('xyz');
    lengthOrNull('four');
    lengthOrNull('ab');
    expect(asked).toEqual(['ab', '', 'xyz', 'four', 'ab']);
  });
});
