import { describe, expect, it } from 'vitest';
import { keptPer, remembered } from '../../src/policy/remembered.js';

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

describe('keptPer', () => {
  it('makes the answer once per object, undefined answers too, and apart for each object', () => {
    const asked: object[] = [];
    const first = { items: ['a'] };
    const empty = { items: [] as string[] };
    const firstItem = keptPer((list: { items: string[] }) => {
      asked.push(list);
      return list.items[0];
    });
    expect([firstItem(first), firstItem(first), firstItem(empty), firstItem(empty)]).toEqual(['a', 'a', undefined, undefined]);
    expect(asked).toEqual([first, empty]);
    expect(firstItem({ items: ['b'] })).toBe('b');
    expect(asked).toHaveLength(3);
  });
});
