// A rollback to a version whose document is the active one: the server answers 409 `unchanged`, as for a
// save (docs/admin.md, "Saving"), but the console must not speak of a draft that has nothing to save.
import { describe, expect, it } from 'vitest';
import { httpError } from '../../src/api-client/index.js';
import { adminText } from '../../src/admin/admin-text.js';
import { saveRefusalOf } from '../../src/admin/policy-save.js';

const UNCHANGED = httpError(409, JSON.stringify({ statusCode: 409, message: 'The document is the active one', reason: 'unchanged' }));

function shown(action: 'save' | 'rollback', locale: 'en' | 'ja'): string {
  const refusal = saveRefusalOf(UNCHANGED, action);
  return refusal.kind === 'conflict' ? adminText(locale)(refusal.key) : refusal.kind;
}

describe('a 409 unchanged', () => {
  it('is worded for a rollback after a rollback', () => {
    expect(shown('rollback', 'en')).toBe('That version has the same policy as the active one: nothing to roll back.');
    expect(shown('rollback', 'ja')).toBe('そのバージョンのポリシーは有効なバージョンと同じです。戻すものはありません。');
  });

  it('is still worded for the draft after a save', () => {
    expect(shown('save', 'en')).toBe('The draft is the same as the active version: nothing to save.');
  });
});
