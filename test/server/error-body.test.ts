// The one refusal body: what the server writes is what a client reads back.
import { describe, expect, it } from 'vitest';
import { parseApiErrorBody } from '../../src/protocol/api-error-body.js';
import { errorBody } from '../../src/server/error-body.js';

describe('errorBody and parseApiErrorBody', () => {
  it('names the status as Fastify does and carries reason, problems and the active version', () => {
    const body = errorBody(400, 'The document is not a valid policy (1 problem(s))', {
      reason: 'invalid-policy',
      problems: [{ path: '$.onError', message: 'must be one of "block", "allow"' }],
    });
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The document is not a valid policy (1 problem(s))',
      reason: 'invalid-policy',
      problems: [{ path: '$.onError', message: 'must be one of "block", "allow"' }],
    });
    expect(parseApiErrorBody(JSON.parse(JSON.stringify(body)))).toEqual({
      message: body.message,
      reason: 'invalid-policy',
      problems: body.problems,
    });
    expect(errorBody(409, 'taken', { reason: 'unchanged', activeVersion: 3 })).toMatchObject({ error: 'Conflict', activeVersion: 3 });
    expect(errorBody(599, 'odd').error).toBe('Error');
  });

  it('reads what a body lacks as empty, and a body that is no refusal as nothing said', () => {
    expect(parseApiErrorBody({ statusCode: 404, error: 'Not Found', message: 'Not Found' })).toEqual({
      message: 'Not Found',
      problems: [],
    });
    expect(parseApiErrorBody({ message: 1, reason: '' })).toEqual({ message: '', problems: [] });
    expect(parseApiErrorBody(undefined)).toEqual({ message: '', problems: [] });
    expect(parseApiErrorBody('<html>')).toEqual({ message: '', problems: [] });
  });
});
