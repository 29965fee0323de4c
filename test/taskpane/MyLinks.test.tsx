// Server-side render of "My recent links" once open (no DOM in the unit project): how reading the list or
// revoking a link went, as a screen reader is told it.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locale.js';
import type { LinkSummary } from '../../src/protocol/index.js';
import { MyLinksBody, type LinksProblem } from '../../src/taskpane/components/MyLinks.js';
import { paneText } from '../../src/taskpane/pane-text.js';
import { PaneTextContext } from '../../src/taskpane/pane-text-context.js';

const LINK: LinkSummary = {
  id: 'p1',
  createdAt: '2026-12-07T09:00:00.000Z',
  expiresAt: '2026-12-14T09:00:00.000Z',
  status: 'active',
  files: [{ name: '見積書.xlsx', size: 18342 }],
  recipients: [{ address: 'hanako@partner.example', downloads: 0, locked: false }],
};

function markup(problem: LinksProblem | null, locale: Locale = 'en'): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <PaneTextContext.Provider value={paneText(locale)}>
        <MyLinksBody pending={false} problem={problem} links={[LINK]} onRevoke={() => undefined} />
      </PaneTextContext.Provider>
    </FluentProvider>,
  );
}

/** The text inside each element with role="alert", however deeply its parts are nested. */
function alerts(html: string): string[] {
  const found: string[] = [];
  for (const opening of html.matchAll(/<div[^>]*\srole="alert"[^>]*>/g)) {
    const tags = /<(\/?)div\b[^>]*>/g;
    tags.lastIndex = opening.index;
    let depth = 0;
    for (let tag = tags.exec(html); tag !== null; tag = tags.exec(html)) {
      depth += tag[1] === '/' ? -1 : 1;
      if (depth > 0) continue;
      found.push(html.slice(opening.index, tag.index).replace(/<[^>]+>/g, ''));
      break;
    }
  }
  return found;
}

describe('MyLinksBody', () => {
  it('announces a failed Revoke as an alert, the link still listed with its Revoke button', () => {
    const html = markup({ key: 'pane.link.mine.revokeFailed', cause: null, detail: 'HTTP 503' });
    expect(alerts(html)).toEqual([expect.stringContaining('The link could not be revoked.')]);
    expect(html).toContain('data-testid="preflight-my-link-revoke"');
    expect(alerts(markup({ key: 'pane.link.mine.revokeFailed', cause: null, detail: 'HTTP 503' }, 'ja'))).toEqual([
      expect.stringContaining('リンクを取り消せませんでした。'),
    ]);
  });

  it('announces a list that could not be read as an alert', () => {
    expect(alerts(markup({ key: 'pane.link.mine.failed', cause: null, detail: 'HTTP 503' }))).toEqual([
      expect.stringContaining('Your links could not be loaded.'),
    ]);
  });

  it('says nothing as an alert when all went well', () => {
    expect(alerts(markup(null))).toEqual([]);
  });
});
