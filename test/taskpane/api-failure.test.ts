// Every API failure the pane shows is read by its code, in Japanese and English, never as the server's English.
import { describe, expect, it } from 'vitest';
import { ApiError, httpError } from '../../src/api-client/index.js';
import { translate } from '../../src/i18n/translate.js';
import { API_FAILURE_CODES, apiFailureCode, apiFailureKey } from '../../src/taskpane/api-failure.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('the API failure texts', () => {
  it.each(API_FAILURE_CODES)('%s has its own English and Japanese text', (code) => {
    const key = apiFailureKey(code);
    expect(key).toBe(`pane.apiError.${code}`);
    const en = translate('en', key);
    const ja = translate('ja', key);
    expect(en).not.toBe(key);
    expect(en).not.toMatch(JAPANESE);
    expect(ja).toMatch(JAPANESE);
    expect(ja).not.toBe(en);
  });

  it('an unknown code (a newer server’s) gets the generic text', () => {
    expect(apiFailureKey('quota-exceeded')).toBe('pane.apiError.unknown');
    expect(translate('ja', apiFailureKey('quota-exceeded'))).toBe(translate('ja', 'pane.apiError.unknown'));
  });
});

describe('apiFailureCode', () => {
  it.each<[string, unknown, string | null]>([
    [
      '401 from authenticate',
      httpError(401, JSON.stringify({ statusCode: 401, error: 'Unauthorized', message: 'A valid Preflight access token is required' })),
      'sign-in',
    ],
    [
      '403 ZipCrypto refused',
      httpError(403, JSON.stringify({ statusCode: 403, message: "ZipCrypto is weak and this organisation's policy does not allow it" })),
      'forbidden',
    ],
    [
      '413 from protect/zip',
      httpError(413, JSON.stringify({ statusCode: 413, message: 'The attachments exceed the 25 MiB limit' })),
      'too-large',
    ],
    [
      '409 no-mail-relay by its reason',
      httpError(409, JSON.stringify({ statusCode: 409, message: 'requireCode: no SMTP relay', reason: 'no-mail-relay' })),
      'no-mail-relay',
    ],
    [
      '409 another reason',
      httpError(409, JSON.stringify({ statusCode: 409, message: 'already complete', reason: 'complete' })),
      'conflict',
    ],
    [
      'an unknown reason falls back to the status',
      httpError(410, JSON.stringify({ statusCode: 410, message: 'gone', reason: 'brand-new' })),
      'expired',
    ],
    ['429', httpError(429, '{"statusCode":429}'), 'rate-limited'],
    ['500', httpError(500, '{"statusCode":500,"message":"Internal Server Error"}'), 'server'],
    ['503 without JSON', httpError(503, '<html>Service Unavailable</html>'), 'server'],
    ['an odd status', httpError(418, ''), 'unknown'],
    ['no network', new ApiError('network', 'Failed to fetch'), 'network'],
    ['no answer in time', new ApiError('timeout', 'no answer within 30000 ms'), 'timeout'],
    ['an answer of the wrong shape', new ApiError('bad-answer', '/api/links answered without links'), 'bad-answer'],
    ['Outlook’s own error', new Error('InvalidAttachmentId'), null],
    ['a thrown string', 'oops', null],
  ])('%s → %s', (_name, error, code) => {
    expect(apiFailureCode(error)).toBe(code);
  });
});
