// JSON text to a value, or the engine's words with a line and column our own scanner found.
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../../src/policy/json/json-error-offset.js';
import { jsonValue, lineAndColumn, parseJsonText, syntaxDetail } from '../../../src/policy/json/json-text.js';

describe('parseJsonText', () => {
  it('gives the value of JSON text', () => {
    expect(parseJsonText('{"a": [1, "two", null]}')).toEqual({ ok: true, value: { a: [1, 'two', null] } });
  });

  it('names the line and column of a syntax error, with what the engine said on one line', () => {
    const parsed = parseJsonText('{\n  "internalDomains": ["example.co.jp",]\n}');
    expect(parsed).toMatchObject({ ok: false, offset: 40, line: 2, column: 39 });
    expect(parsed.ok ? '' : parsed.detail).toMatch(/^\S.*\S$/);
    expect(parsed.ok ? '' : parsed.detail).not.toMatch(/\n/);
  });

  it('places an unfinished text at its end', () => {
    expect(parseJsonText('{\n  "onError": "block"\n')).toMatchObject({ ok: false, line: 3, column: 1 });
    expect(parseJsonText('')).toMatchObject({ ok: false, offset: 0, line: 1, column: 1 });
  });

  it('keeps a __proto__ key as an own key unless told to refuse it', () => {
    const kept = parseJsonText('{"__proto__": {"polluted": true}}');
    expect(kept.ok && Object.keys(kept.value as object)).toEqual(['__proto__']);
    expect(parseJsonText('{"a": 1,\n "__proto__": {}}', { forbidProtoKeys: true })).toEqual({
      ok: false,
      detail: 'forbidden key "__proto__"',
      offset: 10,
      line: 2,
      column: 2,
    });
  });
});

describe('jsonValue', () => {
  it('is the value, or undefined for text that is not JSON', () => {
    expect(jsonValue('[1]')).toEqual([1]);
    expect(jsonValue('[1')).toBeUndefined();
    expect(jsonValue('{"__proto__": 1}', { forbidProtoKeys: true })).toBeUndefined();
  });
});

describe('lineAndColumn', () => {
  it.each([
    [0, 1, 1],
    [2, 1, 3],
    [3, 2, 1],
    [99, 2, 3],
  ])('offset %i of "ab\\ncd" is line %i, column %i', (offset, line, column) => {
    expect(lineAndColumn('ab\ncd', offset)).toEqual({ line, column });
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": [1, 2]}', null],
    [' "text with \\u00e9 and \\n" ', null],
    ['{"a": -1.5e3, "b": [true, false, null]}', null],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[1 2]', 3],
    ['{"a": tru}', 6 + 3],
    ['{"a": "\\x"}', 8],
    ['{"a": 01}', 7],
    ['{} x', 3],
    ['', 0],
    ['{"a": [', 7],
  ])('%j goes wrong at %s', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });
});

describe('syntaxDetail', () => {
  const at = { offset: 30, line: 4, column: 3 };

  it("adds the line and column to an engine's message that names a position only", () => {
    expect(syntaxDetail({ detail: "Expected ',' or '}' after property value in JSON at position 30", ...at })).toBe(
      "Expected ',' or '}' after property value in JSON at position 30 (line 4, column 3)",
    );
  });

  it('leaves a message that names the line, or no place, as the engine wrote it', () => {
    const named = "Expected ',' or '}' after property value in JSON at position 30 (line 4 column 3)";
    expect(syntaxDetail({ detail: named, ...at })).toBe(named);
    expect(syntaxDetail({ detail: 'Unexpected end of JSON input', ...at })).toBe('Unexpected end of JSON input');
  });
});
