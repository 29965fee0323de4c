import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api-client/index.js';
import { canRetry, messageProblemOf, problemOf, problemText } from '../../src/approve/problem.js';
import { TokenUnavailable } from '../../src/sign-in/index.js';

describe('problemOf', () => {
  it.each([
    [new ApiError('http', 'A sender cannot decide', 403, 'sender'), { kind: 'sender' }],
    [new ApiError('http', 'not an approver', 403, 'not-approver'), { kind: 'not-approver' }],
    [new ApiError('http', 'forbidden', 403, 'forbidden'), { kind: 'not-approver' }],
    [new ApiError('http', 'No approval request', 404, 'not-found'), { kind: 'not-found' }],
    [new ApiError('http', 'bad id', 400), { kind: 'not-found' }],
    [new ApiError('http', 'not included', 404, 'no-content'), { kind: 'no-content' }],
    [new ApiError('http', 'already approved', 409, 'decided'), { kind: 'decided' }],
    [new ApiError('http', 'expired', 410, 'expired'), { kind: 'expired' }],
    [new ApiError('http', 'no longer kept', 410, 'shredded'), { kind: 'shredded' }],
    [new ApiError('http', '', 401), { kind: 'signed-out' }],
    [new ApiError('http', '', 500), { kind: 'unexpected', detail: 'HTTP 500' }],
    [new ApiError('network', 'Failed to fetch'), { kind: 'network' }],
    [new ApiError('timeout', 'no answer'), { kind: 'network' }],
    [new ApiError('bad-answer', 'not JSON'), { kind: 'unexpected', detail: 'bad-answer' }],
    [new TokenUnavailable('not-set-up', 'none'), { kind: 'not-set-up' }],
    [new TokenUnavailable('unreachable', 'offline'), { kind: 'network' }],
    [
      new TokenUnavailable('sign-in-failed', 'BrowserAuthError: user_cancelled'),
      { kind: 'sign-in-failed', detail: 'BrowserAuthError: user_cancelled' },
    ],
    [new Error('boom'), { kind: 'unexpected', detail: 'boom' }],
  ])('%s', (error, problem) => {
    expect(problemOf(error)).toEqual(problem);
  });

  it('reads a 403 on the message as the sender: only the sender and approvers can read the request, and approvers may read the message', () => {
    expect(messageProblemOf(new ApiError('http', 'Only a named approver can read the message', 403, 'not-approver'))).toEqual({
      kind: 'sender',
    });
    expect(messageProblemOf(new ApiError('http', 'no longer kept', 410, 'shredded'))).toEqual({ kind: 'shredded' });
  });
});

describe('problemText', () => {
  it('names who decided first, and passes a failure’s detail on', () => {
    expect(problemText({ kind: 'decided' }, 'boss@example.co.jp')).toEqual({
      key: 'approve.problem.decided',
      params: { approver: 'boss@example.co.jp' },
    });
    expect(problemText({ kind: 'unexpected', detail: 'HTTP 500' }, null)).toEqual({
      key: 'approve.problem.unexpected',
      params: { detail: 'HTTP 500' },
    });
    expect(problemText({ kind: 'shredded' }, null).key).toBe('approve.message.shredded');
    expect(problemText({ kind: 'no-content' }, null).key).toBe('approve.message.notIncluded');
    expect(problemText({ kind: 'sender' }, null).key).toBe('approve.problem.sender');
  });

  it('offers a retry only where trying again can help', () => {
    expect(canRetry({ kind: 'network' })).toBe(true);
    expect(canRetry({ kind: 'unexpected', detail: 'x' })).toBe(true);
    expect(canRetry({ kind: 'sender' })).toBe(false);
    expect(canRetry({ kind: 'decided' })).toBe(false);
    expect(canRetry({ kind: 'expired' })).toBe(false);
  });
});
