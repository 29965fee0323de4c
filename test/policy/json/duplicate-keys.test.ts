import { describe, expect, it } from 'vitest';
import { duplicateKeys } from '../../../src/policy/json/duplicate-keys.js';
import { duplicateKeyProblems } from '../../../src/policy/policy-text.js';

describe('duplicateKeys', () => {
  it('finds nothing in JSON without repeated keys, whatever the nesting', () => {
    expect(duplicateKeys('{"a": 1, "b": {"a": 2, "b": [{"a": 3}, {"a": 4}]}, "c": "a"}')).toEqual([]);
    expect(duplicateKeys('[1, "x", {"a": true}, null]')).toEqual([]);
    expect(duplicateKeys('"a"')).toEqual([]);
  });

  it('names the repeated key at its path, each repetition after the first', () => {
    expect(duplicateKeys('{"keywords": [], "onError": "block", "keywords": [1], "keywords": 2}')).toEqual([
      { path: '$.keywords', key: 'keywords' },
      { path: '$.keywords', key: 'keywords' },
    ]);
  });

  it('compares keys by their decoded value', () => {
    expect(duplicateKeys('{"a": 1, "\\u0061": 2}')).toEqual([{ path: '$.a', key: 'a' }]);
    expect(duplicateKeys('{"\\"q\\"": 1, "\\u0022q\\u0022": 2}')).toEqual([{ path: '$["\\"q\\""]', key: '"q"' }]);
    expect(duplicateKeys('{"a\\\\": 1, "a\\\\\\\\": 2}')).toEqual([]);
  });

  it('keeps keys of different objects apart and gives nested paths', () => {
    const text = '{"a": {"x": 1, "x": 2}, "b": [{"y": 1}, {"y": 1, "z": {"y": 0}, "y": 2}], "x": 3}';
    expect(duplicateKeys(text)).toEqual([
      { path: '$.a.x', key: 'x' },
      { path: '$.b[1].y', key: 'y' },
    ]);
  });

  it('is not misled by braces, brackets, commas and colons inside strings', () => {
    expect(duplicateKeys('{"a": "{\\"a\\": 1, ", "b": "]}", "c": [",", ":", "}"]}')).toEqual([]);
    expect(duplicateKeys('{"s": "x,\\"s\\":", "s": 1}')).toEqual([{ path: '$.s', key: 's' }]);
  });

  it('counts array indexes over every kind of element', () => {
    expect(duplicateKeys('[1, -2.5e3, true, null, "s", [], {}, {"k": 1, "k": 2}]')).toEqual([{ path: '$[7].k', key: 'k' }]);
  });

  it('writes a key that is not an identifier as JSONPath does', () => {
    expect(duplicateKeys('{"severities": {"new-domain": "info", "new-domain": "block"}}')).toEqual([
      { path: '$.severities["new-domain"]', key: 'new-domain' },
    ]);
  });
});

describe('duplicateKeyProblems', () => {
  it('gives each repetition the policy.duplicate-key code with the key as its param', () => {
    expect(duplicateKeyProblems('{"version": 1, "version": 1}')).toEqual([
      {
        path: '$.version',
        message: 'key "version" is written twice; only the last value would count, so keep one',
        code: 'policy.duplicate-key',
        params: { key: 'version' },
      },
    ]);
  });
});
