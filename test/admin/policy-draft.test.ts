// The policy draft's problems as typed: JSON syntax with its line and column, else the real parser's paths.
import { describe, expect, it } from 'vitest';
import { draftState, draftText } from '../../src/admin/policy-draft.js';

describe('draftState', () => {
  it('accepts a valid policy', () => {
    expect(draftState('{"internalDomains": ["example.co.jp"]}')).toEqual({
      kind: 'valid',
      document: { internalDomains: ['example.co.jp'] },
    });
  });

  it('names the line and column of a JSON syntax error', () => {
    const state = draftState('{\n  "internalDomains": ["example.co.jp",]\n}');
    expect(state).toMatchObject({ kind: 'syntax', line: 2, column: 39 });
  });

  it('places an unfinished document at its end', () => {
    expect(draftState('{\n  "onError": "block"\n')).toMatchObject({ kind: 'syntax', line: 3, column: 1 });
  });

  it('lists every problem the policy parser finds, each with its JSON path', () => {
    const state = draftState(JSON.stringify({ internalDomains: ['example.co.jp', 42], onError: 'sometimes', bccSuggestThreshold: -1 }));
    expect(state.kind).toBe('invalid');
    const paths = state.kind === 'invalid' ? state.problems.map((problem) => problem.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['$.internalDomains[1]', '$.onError', '$.bccSuggestThreshold']));
  });

  it('refuses a document that is not an object', () => {
    expect(draftState('[]')).toMatchObject({ kind: 'invalid', problems: [{ path: '$', message: 'must be a JSON object' }] });
  });
});

describe('draftText', () => {
  it('writes two-space JSON with a final newline', () => {
    expect(draftText({ onError: 'block' })).toBe('{\n  "onError": "block"\n}\n');
  });
});
