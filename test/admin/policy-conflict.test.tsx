// A save refused with 409 `conflict` (someone saved meanwhile): the refusal offers to load the newer
// version as the base, and the editor then mounted keeps the admin's draft and reason and says so. A
// rollback replaces the draft with the restored version, and says so when there was an unsaved edit.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { httpError } from '../../src/api-client/index.js';
import { adminText } from '../../src/admin/admin-text.js';
import { PolicyEditor, type Carried, type Loaded, type Outcome } from '../../src/admin/components/PolicyPage.js';
import { offersRebase, rolledBackKey, saveRefusalOf } from '../../src/admin/policy-save.js';

const CONFLICT = httpError(409, JSON.stringify({ statusCode: 409, message: 'x', reason: 'conflict', activeVersion: 8 }));

const LOADED: Loaded = {
  active: {
    version: 8,
    document: { version: 1, internalDomains: ['example.co.jp'] },
    sha256: 'ab'.repeat(32),
    createdAt: '2026-12-06T04:10:00.000Z',
    createdBy: { id: 't:o', address: 'it-admin@example.co.jp' },
    reason: 'someone else',
    source: 'admin',
    file: { status: 'ok', problems: [] },
  },
  history: { versions: [], nextBefore: null },
};

function markup(outcome: Outcome, carried: Carried | null, locale: 'en' | 'ja' = 'en'): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <PolicyEditor
        loaded={LOADED}
        source={{ origin: 'https://preflight.example', token: async () => 'token' }}
        text={adminText(locale)}
        outcome={outcome}
        carried={carried}
        setOutcome={() => undefined}
        reload={() => undefined}
      />
    </FluentProvider>,
  );
}

const textarea = (html: string) => /<textarea[^>]*data-testid="policy-editor"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1];
const reasonValue = (html: string) => /<input[^>]*data-testid="policy-reason"[^>]*>/.exec(html)?.[0].match(/value="([^"]*)"/)?.[1];

describe('a save conflict', () => {
  it('offers to load the newer version while keeping the draft', () => {
    const refusal = saveRefusalOf(CONFLICT, 'save');
    expect(offersRebase(refusal, { kind: 'save' })).toBe(true);
    const html = markup({ kind: 'refused', refusal, action: { kind: 'save' } }, null);
    expect(html).toContain('data-testid="policy-rebase"');
    expect(html).toContain('Load the new version, keep my draft');
    expect(html).not.toContain('Reload to see it');
    expect(markup({ kind: 'refused', refusal, action: { kind: 'save' } }, null, 'ja')).toContain(
      '新しいバージョンを読み込む (下書きは残す)',
    );
  });

  it('is not offered for an unchanged draft', () => {
    const unchanged = saveRefusalOf(httpError(409, JSON.stringify({ message: 'x', reason: 'unchanged' })), 'save');
    expect(offersRebase(unchanged, { kind: 'save' })).toBe(false);
    expect(markup({ kind: 'refused', refusal: unchanged, action: { kind: 'save' } }, null)).not.toContain('policy-rebase');
  });

  it('leaves the editor, on the newer version, with the draft and reason it carried, and says so', () => {
    const draft = '{\n  "version": 1,\n  "internalDomains": ["example.co.jp", "example.jp"]\n}\n';
    const html = markup({ kind: 'rebased' }, { draft, reason: 'add the subsidiary' });
    expect(textarea(html)).toBe(draft.replaceAll('"', '&quot;'));
    expect(reasonValue(html)).toBe('add the subsidiary');
    expect(html).toContain('Version 8, active now, is the base of your draft');
  });

  it('starts from the active version when nothing is carried', () => {
    expect(textarea(markup({ kind: 'idle' }, null))).toContain('example.co.jp');
    expect(textarea(markup({ kind: 'idle' }, null))).not.toContain('example.jp&quot;');
  });
});

describe('a rollback over an unsaved draft', () => {
  it('says the draft was replaced only when there was one', () => {
    expect(adminText('en')(rolledBackKey(true), { version: 9 })).toMatch(/not saved was replaced/);
    expect(adminText('ja')(rolledBackKey(true), { version: 9 })).toMatch(/置き換えられました/);
    expect(rolledBackKey(false)).toBe('admin.policy.rolledBack');
  });
});
