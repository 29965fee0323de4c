import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/policy/describe-error.js';

describe('describeError', () => {
  it('gives an Error its message, and anything else thrown its String', () => {
    expect(describeError(new TypeError('Network request failed'))).toBe('Network request failed');
    expect(describeError('plain text')).toBe('plain text');
    expect(describeError(42)).toBe('42');
    expect(describeError(undefined)).toBe('undefined');
    expect(describeError({ code: 5 })).toBe('[object Object]');
  });
});
