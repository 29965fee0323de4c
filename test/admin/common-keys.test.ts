// The policy page's form for common keys: read from the draft, written back into it, nothing else touched.
import { describe, expect, it } from 'vitest';
import { commonKeysOf, normalisedField, problemsOfKey, withCommonKey } from '../../src/admin/common-keys.js';

const DRAFT = {
  version: 1,
  internalDomains: ['example.co.jp'],
  keywords: [{ term: '社外秘', action: 'block', where: ['subject'] }],
  bccSuggestThreshold: 10,
  onError: 'block',
};

describe('common keys', () => {
  it('reads the form from the draft', () => {
    expect(commonKeysOf(DRAFT)).toEqual({
      internalDomains: 'example.co.jp',
      trustedDomains: '',
      blockedRecipients: '',
      attentionRecipients: '',
      keywords: 'block 社外秘',
      bccSuggestThreshold: '10',
      onError: 'block',
    });
    expect(commonKeysOf([])).toBeNull();
  });

  it('writes a list a line, dropping blank lines, and leaves other keys as they were', () => {
    expect(withCommonKey(DRAFT, 'internalDomains', 'example.co.jp\n\n example.jp \n')).toEqual({
      ...DRAFT,
      internalDomains: ['example.co.jp', 'example.jp'],
    });
  });

  it.each(['blockedRecipients', 'attentionRecipients'] as const)('writes %s a recipient-list entry a line', (key) => {
    const written = withCommonKey(DRAFT, key, '@leak.example\n-ok@leak.example\n\n*unsafe@example.com');
    expect(written[key]).toEqual(['@leak.example', '-ok@leak.example', '*unsafe@example.com']);
    expect(commonKeysOf(written)?.[key]).toBe('@leak.example\n-ok@leak.example\n*unsafe@example.com');
  });

  it('keeps a known keyword’s other settings and reads a new one’s action', () => {
    expect(withCommonKey(DRAFT, 'keywords', 'warn 社外秘\nblock 機密\n極秘')['keywords']).toEqual([
      { term: '社外秘', action: 'warn', where: ['subject'] },
      { term: '機密', action: 'block' },
      { term: '極秘', action: 'warn' },
    ]);
  });

  it('writes a number as a number, and anything else as typed for the parser to name', () => {
    expect(withCommonKey(DRAFT, 'bccSuggestThreshold', '25')['bccSuggestThreshold']).toBe(25);
    expect(withCommonKey(DRAFT, 'bccSuggestThreshold', 'many')['bccSuggestThreshold']).toBe('many');
    expect(withCommonKey(DRAFT, 'onError', 'allow')['onError']).toBe('allow');
  });

  it('normalises a field as the draft will hold it', () => {
    expect(normalisedField('internalDomains', 'a.example\n')).toBe('a.example');
    expect(normalisedField('keywords', '極秘')).toBe('warn 極秘');
  });
});

describe('problemsOfKey', () => {
  const problems = [
    { path: '$.keywords[1].action', message: 'must be "warn" or "block"', code: 'policy.expected-choice' as const },
    { path: '$.keywordsExtra', message: 'is not a policy key', code: 'policy.unknown-key' as const },
    { path: '$.bccSuggestThreshold', message: 'must be an integer', code: 'policy.expected-integer' as const },
  ];

  it('gives a field the problems under its key, and not those of a key that only starts the same', () => {
    expect(problemsOfKey(problems, 'keywords')).toEqual([problems[0]]);
    expect(problemsOfKey(problems, 'bccSuggestThreshold')).toEqual([problems[2]]);
    expect(problemsOfKey(problems, 'onError')).toEqual([]);
  });
});
