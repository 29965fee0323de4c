// A plain 400 (no problems list) on a save or a rollback: said as a refused save or rollback, in both
// languages, with the server's message, and not as the audit filter's refusal.
import { describe, expect, it } from 'vitest';
import { httpError } from '../../src/api-client/index.js';
import { adminText } from '../../src/admin/admin-text.js';
import { saveRefusalOf, type SaveRefusal } from '../../src/admin/policy-save.js';
import { POLICY_REASON_MAX_LENGTH } from '../../src/protocol/index.js';
import { ROLLBACK_BODY, SAVE_BODY } from '../../src/server/routes/admin-policy-schemas.js';

const MESSAGE = 'body/reason must NOT have more than 500 characters';
const REFUSED = httpError(400, JSON.stringify({ statusCode: 400, error: 'Bad Request', message: MESSAGE }));

function shown(refusal: SaveRefusal, locale: 'en' | 'ja'): string {
  if (refusal.kind !== 'bad-request') return refusal.kind;
  return adminText(locale)(refusal.key, { detail: refusal.detail });
}

describe('a plain 400 on a save or rollback', () => {
  it('names the save, or the rollback, with the server’s message', () => {
    expect(shown(saveRefusalOf(REFUSED, 'save'), 'en')).toBe(`The server refused the save (${MESSAGE}).`);
    expect(shown(saveRefusalOf(REFUSED, 'rollback'), 'en')).toBe(`The server refused the rollback (${MESSAGE}).`);
    expect(shown(saveRefusalOf(REFUSED, 'save'), 'ja')).toBe(`サーバーが保存を受け付けませんでした (${MESSAGE})。`);
    expect(shown(saveRefusalOf(REFUSED, 'rollback'), 'ja')).toBe(`サーバーがロールバックを受け付けませんでした (${MESSAGE})。`);
  });

  it('gives the console’s Reason fields the server’s limit', () => {
    expect(SAVE_BODY.properties.reason.maxLength).toBe(POLICY_REASON_MAX_LENGTH);
    expect(ROLLBACK_BODY.properties.reason.maxLength).toBe(POLICY_REASON_MAX_LENGTH);
  });
});
