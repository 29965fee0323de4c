// Every failure the console can meet, as what it shows and whether Try again is offered.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api-client/index.js';
import { canRetry, problemOf, problemText } from '../../src/admin/problem.js';
import { TokenUnavailable } from '../../src/sign-in/index.js';

describe('problemOf', () => {
  it.each([
    [new ApiError('http', 'This needs the Preflight administrator role', 403), { kind: 'forbidden' }, false],
    [new ApiError('http', '', 401), { kind: 'signed-out' }, false],
    [
      new ApiError('http', 'from and to must be ISO 8601 times', 400, 'bad-time'),
      { kind: 'bad-request', detail: 'from and to must be ISO 8601 times' },
      false,
    ],
    [new ApiError('http', '', 404), { kind: 'no-audit' }, false],
    [new ApiError('http', '', 500), { kind: 'unexpected', detail: 'HTTP 500' }, true],
    [new ApiError('network', 'Failed to fetch'), { kind: 'network' }, true],
    [new ApiError('timeout', 'no answer'), { kind: 'network' }, true],
    [new ApiError('bad-answer', 'x'), { kind: 'unexpected', detail: 'bad-answer' }, true],
    [new TokenUnavailable('not-set-up', 'none'), { kind: 'not-set-up' }, false],
    [new TokenUnavailable('unreachable', 'down'), { kind: 'network' }, true],
    [new TokenUnavailable('sign-in-failed', 'popup closed'), { kind: 'sign-in-failed', detail: 'popup closed' }, true],
  ])('%s → %j', (error, problem, retry) => {
    expect(problemOf(error)).toEqual(problem);
    expect(canRetry(problemOf(error))).toBe(retry);
  });

  it('names a key of the console’s table, with the detail where there is one', () => {
    expect(problemText({ kind: 'forbidden' })).toEqual({ key: 'admin.problem.forbidden', params: {} });
    expect(problemText({ kind: 'unexpected', detail: 'HTTP 500' })).toEqual({
      key: 'admin.problem.unexpected',
      params: { detail: 'HTTP 500' },
    });
  });
});
