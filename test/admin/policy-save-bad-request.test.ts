// A policy save or rollback the server refuses with a plain 400 (no problems list: e.g. a reason longer
// than the route's 500 characters, which the console's Reason field does not stop) must be told as a
// refused save, not as the audit page's "The server refused the filter … Check the dates and fields."
import { describe, expect, it } from 'vitest';
import { httpError } from '../../src/api-client/index.js';
import { adminText } from '../../src/admin/admin-text.js';
import { problemText } from '../../src/admin/problem.js';
import { saveRefusalOf } from '../../src/admin/policy-save.js';

const REFUSED = JSON.stringify({
  statusCode: 400,
  error: 'Bad Request',
  message: 'body/reason must NOT have more than 500 characters',
});

describe('a save refused with a plain 400', () => {
  it('is not described as a refused audit filter', () => {
    const refusal = saveRefusalOf(httpError(400, REFUSED));
    const shown =
      refusal.kind === 'problem' ? (({ key, params }) => adminText('en')(key, params))(problemText(refusal.problem)) : refusal.kind;
    expect(shown).not.toMatch(/filter|dates/i);
  });
});
