import { describe, expect, it } from 'vitest';
import { parseRecipientInput } from '../../src/playground/recipient-input.js';

describe('parseRecipientInput', () => {
  it.each([
    ['a@b.example', [{ address: 'a@b.example', name: 'a@b.example' }]],
    ['Hanako <hanako@b.example>', [{ address: 'hanako@b.example', name: 'Hanako' }]],
    [
      '"Yamada, Taro" <taro@b.example>; x@y.example',
      [
        { address: 'taro@b.example', name: 'Yamada, Taro' },
        { address: 'x@y.example', name: 'x@y.example' },
      ],
    ],
    ['鈴木 花子 <hanako@b.example>, , ', [{ address: 'hanako@b.example', name: '鈴木 花子' }]],
    ['<only@b.example>', [{ address: 'only@b.example', name: 'only@b.example' }]],
    ['   ', []],
  ])('%s', (text, expected) => {
    expect(parseRecipientInput(text)).toEqual(expected);
  });
});
