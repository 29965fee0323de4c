// The audit key: what the server keeps of each decision, never content (docs/admin.md).
import { describe, expect, test } from 'vitest';
import { parsePolicy } from '../../src/policy/parse-policy.js';
import { policyFrom } from './fixtures.js';

const BASE = { internalDomains: ['example.co.jp'] };

describe('the audit key', () => {
  test('keeps hashed domains for 180 days by default', () => {
    expect(policyFrom(BASE).audit).toEqual({ domains: 'hashed', retentionDays: 180 });
    expect(policyFrom({ ...BASE, audit: { domains: 'none' } }).audit).toEqual({ domains: 'none', retentionDays: 180 });
  });

  test.each([
    [{ domains: 'clear' }, '$.audit.domains', 'must be one of'],
    [{ retentionDays: 0 }, '$.audit.retentionDays', 'out of range'],
    [{ subjects: true }, '$.audit.subjects', 'unknown key'],
  ])('refuses %j at its path', (audit, path, message) => {
    const result = parsePolicy({ ...BASE, audit });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual(expect.objectContaining({ path, message: expect.stringContaining(message) }));
  });
});
