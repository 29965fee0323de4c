// The policy page's line diff: every line of both texts, in order, marked the same, removed or added.
import { describe, expect, it } from 'vitest';
import { hasChanges, lineDiff } from '../../src/admin/line-diff.js';

const marks = (before: string, after: string) =>
  lineDiff(before, after).map((line) => `${line.kind === 'same' ? ' ' : line.kind === 'added' ? '+' : '-'}${line.text}`);

describe('lineDiff', () => {
  it('marks nothing when the texts are equal, with both line numbers', () => {
    expect(lineDiff('a\nb\n', 'a\nb')).toEqual([
      { kind: 'same', text: 'a', before: 1, after: 1 },
      { kind: 'same', text: 'b', before: 2, after: 2 },
    ]);
    expect(hasChanges(lineDiff('a\nb\n', 'a\nb'))).toBe(false);
  });

  it.each([
    ['an empty text to lines', '', 'a\nb', ['+a', '+b']],
    ['lines to an empty text', 'a\nb', '', ['-a', '-b']],
    ['a changed line as removed then added', 'a\nb\nc', 'a\nB\nc', [' a', '-b', '+B', ' c']],
    ['an inserted line in the middle', 'a\nc', 'a\nb\nc', [' a', '+b', ' c']],
    ['a removed line at the start', 'x\na\nb', 'a\nb', ['-x', ' a', ' b']],
    ['Windows line ends as lines', 'a\r\nb\r\n', 'a\nb\n', [' a', ' b']],
  ])('diffs %s', (_name, before, after, expected) => {
    expect(marks(before, after)).toEqual(expected);
  });

  it('keeps the longest common run of a policy edit', () => {
    const before = '{\n  "internalDomains": ["example.co.jp"],\n  "bccSuggestThreshold": 10,\n  "onError": "allow"\n}';
    const after = '{\n  "internalDomains": ["example.co.jp", "example.jp"],\n  "bccSuggestThreshold": 10,\n  "onError": "block"\n}';
    expect(marks(before, after)).toEqual([
      ' {',
      '-  "internalDomains": ["example.co.jp"],',
      '+  "internalDomains": ["example.co.jp", "example.jp"],',
      '   "bccSuggestThreshold": 10,',
      '-  "onError": "allow"',
      '+  "onError": "block"',
      ' }',
    ]);
  });

  it('numbers removed lines by the old text and added lines by the new', () => {
    expect(lineDiff('a\nb', 'b\nc')).toEqual([
      { kind: 'removed', text: 'a', before: 1 },
      { kind: 'same', text: 'b', before: 2, after: 1 },
      { kind: 'added', text: 'c', after: 2 },
    ]);
  });
});
