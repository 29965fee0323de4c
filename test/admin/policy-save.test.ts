// A refused save as the policy page shows it, and when Save is offered.
import { describe, expect, it } from 'vitest';
import { ApiError, httpError } from '../../src/api-client/index.js';
import { maySave, saveRefusalOf } from '../../src/admin/policy-save.js';

describe('saveRefusalOf', () => {
  it('lists the server’s problems with their paths for a 400 invalid-policy', () => {
    const error = httpError(
      400,
      JSON.stringify({
        statusCode: 400,
        message: 'The policy is not valid',
        reason: 'invalid-policy',
        problems: [{ path: '$.onError', message: 'must be "allow" or "block"' }],
      }),
    );
    expect(saveRefusalOf(error)).toEqual({ kind: 'invalid', problems: [{ path: '$.onError', message: 'must be "allow" or "block"' }] });
  });

  it.each([
    ['unchanged', 'admin.policy.unchanged'],
    ['conflict', 'admin.policy.conflict'],
  ])('says a 409 %s in words', (reason, key) => {
    expect(saveRefusalOf(httpError(409, JSON.stringify({ message: 'x', reason })))).toEqual({ kind: 'conflict', key });
  });

  it('falls back to the console’s problems', () => {
    expect(saveRefusalOf(new ApiError('http', '', 403))).toEqual({ kind: 'problem', problem: { kind: 'forbidden' } });
    expect(saveRefusalOf(new ApiError('network', 'down'))).toEqual({ kind: 'problem', problem: { kind: 'network' } });
  });
});

describe('maySave', () => {
  it.each([
    [true, true, 'new partner', true],
    [false, true, 'new partner', false],
    [true, false, 'new partner', false],
    [true, true, '   ', false],
  ])('valid %s, changed %s, reason %j → %s', (valid, changed, reason, expected) => {
    expect(maySave(valid, changed, reason)).toBe(expected);
  });
});
