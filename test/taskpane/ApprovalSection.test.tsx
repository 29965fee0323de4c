// Server-side render of the approval section (no DOM in the unit project): its words are the pane's
// language, the request's expiry included.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locale.js';
import { timeText } from '../../src/i18n/page-format.js';
import type { ApprovalPaneState } from '../../src/taskpane/approval-state.js';
import { ApprovalSection } from '../../src/taskpane/components/ApprovalSection.js';
import { paneText } from '../../src/taskpane/pane-text.js';
import { PaneTextContext } from '../../src/taskpane/pane-text-context.js';

const EXPIRES = '2026-12-08T09:30:00.000Z';
const PENDING: ApprovalPaneState = {
  kind: 'pending',
  request: { id: 'r1', approvers: ['boss@example.co.jp'], expiresAt: EXPIRES, decidedBy: null, comment: null },
  mailed: true,
  pageUrl: 'https://preflight.example/approve/r1',
};

function markup(state: ApprovalPaneState, locale: Locale): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <PaneTextContext.Provider value={paneText(locale)}>
        <ApprovalSection state={state} busy={false} onRequest={() => undefined} />
      </PaneTextContext.Provider>
    </FluentProvider>,
  );
}

function shown(state: ApprovalPaneState, locale: Locale): string {
  return markup(state, locale).replace(/<[^>]+>/g, ' ');
}

describe('ApprovalSection', () => {
  it('writes the expiry in the pane’s language, whatever the browser’s', () => {
    const japanese = timeText('ja')(EXPIRES);
    const english = timeText('en')(EXPIRES);
    expect(japanese).not.toBe(english);
    expect(shown(PENDING, 'ja')).toContain(`依頼の期限は ${japanese} です。`);
    expect(shown(PENDING, 'ja')).not.toContain(english);
    expect(shown(PENDING, 'en')).toContain(`The request expires ${english}.`);
  });

  it('stays on screen while it checks new content, saying so, so the focus in it is kept', () => {
    expect(markup({ kind: 'checking' }, 'ja')).toContain('data-testid="preflight-approval-outcome"');
    expect(shown({ kind: 'checking' }, 'ja')).toContain('このメールの承認の状況を確認しています…');
  });
});
