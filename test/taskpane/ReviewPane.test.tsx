// Server-side render of the pane (no DOM in the unit project): what each state puts on screen,
// and the test ids and accessible names the browser tests rely on.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locale.js';
import type { MessageSnapshot, Verdict } from '../../src/policy/index.js';
import { ReviewPane } from '../../src/taskpane/components/ReviewPane.js';
import { INITIAL_PANE_STATE, type PaneState } from '../../src/taskpane/pane-state.js';
import { paneText } from '../../src/taskpane/pane-text.js';
import { PaneTextContext } from '../../src/taskpane/pane-text-context.js';
import { buildReviewModel, setTicked } from '../../src/taskpane/review-model.js';
import type { ReviewControls } from '../../src/taskpane/use-review.js';
import { DOMAIN_CHECKLIST, DOMAIN_SNAPSHOT, DOMAIN_VERDICT } from './domain-fixtures.js';
import { CHECKLIST, KEYWORD_FINDING, LOOKALIKE_ASCII, POLICY, SNAPSHOT, VERDICT, verdictWith } from './fixtures.js';

function stateFor(
  verdict: Verdict,
  ticked: readonly string[] = [],
  extra: Partial<PaneState> = {},
  snapshot: MessageSnapshot = SNAPSHOT,
): PaneState {
  const model = buildReviewModel(snapshot, verdict, POLICY);
  return {
    ...INITIAL_PANE_STATE,
    work: null,
    review: {
      policy: POLICY,
      policyDocument: {},
      policySource: 'server',
      snapshot,
      verdict,
      model,
      inspectionNotSaved: false,
      approvalFingerprint: null,
      approval: null,
    },
    ticks: setTicked(model, new Map(), ticked, true),
    ...extra,
  };
}

function render(state: PaneState, locale: Locale = 'en'): string {
  const controls: ReviewControls = {
    state,
    retry: () => undefined,
    setTicked: () => undefined,
    moveToBcc: () => undefined,
    removeRecipient: () => undefined,
    confirm: () => undefined,
    confirmAndSend: () => undefined,
    canSendFromPane: false,
    controlNotes: null,
    approval: { state: { kind: 'idle' }, request: () => undefined },
    protectZip: () => undefined,
    protectLinks: () => undefined,
    sharePasswordByLink: () => Promise.resolve({ ok: true }),
    myLinks: () => Promise.resolve([]),
    revokeLink: () => Promise.resolve(undefined),
    openNewMessage: () => undefined,
  };
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <PaneTextContext.Provider value={paneText(locale)}>
        <ReviewPane controls={controls} />
      </PaneTextContext.Provider>
    </FluentProvider>,
  );
}

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The element carrying a test id, as its opening tag. */
function tagWithTestId(html: string, testId: string): string | null {
  return new RegExp(`<[^>]*data-testid="${escapeRegExp(testId)}"[^>]*>`).exec(html)?.[0] ?? null;
}

/** The text of the label of the checkbox carrying a test id. */
function checkboxLabel(html: string, testId: string): string | null {
  const tag = tagWithTestId(html, testId);
  const id = tag === null ? undefined : /\sid="([^"]+)"/.exec(tag)?.[1];
  if (id === undefined) return null;
  const label = new RegExp(`<label[^>]*for="${escapeRegExp(id)}"[^>]*>([\\s\\S]*?)</label>`).exec(html)?.[1];
  return label === undefined ? null : decode(label);
}

/** The text inside the status region, however deeply its parts are nested. */
function statusText(html: string): string {
  const start = html.search(/<div[^>]*data-testid="preflight-status"/);
  if (start < 0) return '';
  const tags = /<(\/?)div\b[^>]*>/g;
  tags.lastIndex = start;
  let depth = 0;
  for (let tag = tags.exec(html); tag !== null; tag = tags.exec(html)) {
    depth += tag[1] === '/' ? -1 : 1;
    if (depth === 0) return decode(html.slice(start, tag.index));
  }
  return '';
}

describe('ReviewPane', () => {
  it('shows only the title and a live progress line while loading', () => {
    const html = render(INITIAL_PANE_STATE);
    expect(html).toContain('<h1');
    expect(tagWithTestId(html, 'preflight-status')).toMatch(/role="status"/);
    expect(tagWithTestId(html, 'preflight-status')).toMatch(/aria-live="polite"/);
    expect(statusText(html)).toBe('Checking the message…');
    expect(tagWithTestId(html, 'preflight-confirm')).toBeNull();
  });

  it.each([
    ['recipient:to:hanako@partner.co.jp', 'hanako@partner.co.jp'],
    ['recipient:cc:bob@other.com', 'bob@other.com'],
    [`recipient:cc:eve@${LOOKALIKE_ASCII}`, `eve@${LOOKALIKE_ASCII}`],
    ['attachment:見積書.xlsx', '見積書.xlsx (17.9 KB)'],
    [`finding:${KEYWORD_FINDING.id}`, 'The subject contains "見積".'],
  ])('gives checklist item %s a native checkbox labelled with %s', (itemId, label) => {
    const html = render(stateFor(VERDICT));
    const tag = tagWithTestId(html, `preflight-item-${itemId}`);
    expect(tag).toMatch(/^<input[^>]*type="checkbox"/);
    expect(checkboxLabel(html, `preflight-item-${itemId}`)).toContain(label);
  });

  it('labels a named recipient with name and address', () => {
    expect(checkboxLabel(render(stateFor(VERDICT)), 'preflight-item-recipient:to:hanako@partner.co.jp')).toBe(
      'Hanako <hanako@partner.co.jp>',
    );
  });

  it('says which outside domains a list reaches, or that its members are not known', () => {
    const listItem = (address: string, outsideDomains: string[]) => ({
      id: `recipient:to:${address}`,
      kind: 'recipient' as const,
      address,
      field: 'to' as const,
      domain: 'example.co.jp',
      external: true,
      outsideDomains,
      findingIds: [],
    });
    const snapshot: MessageSnapshot = { ...SNAPSHOT, to: [{ address: 'pj@example.co.jp' }, { address: 'team@example.co.jp' }], cc: [] };
    const verdict: Verdict = {
      ...VERDICT,
      findings: [],
      checklist: [listItem('pj@example.co.jp', ['partner.co.jp', 'xn--wgv71a119e.jp']), listItem('team@example.co.jp', [])],
    };
    const html = render(stateFor(verdict, [], {}, snapshot));
    expect(html).toContain('A list with members outside the organisation, at partner.co.jp, 日本語.jp');
    expect(html).toContain('A list the organisation does not know: its members count as outside');
    expect(html).toContain('Lists with outside members (2)');
    expect(html).not.toContain('example.co.jp (2)');
    expect(render(stateFor(verdict, [], {}, snapshot), 'ja')).toContain('社外のメンバーがいるリストです（partner.co.jp, 日本語.jp）');
  });

  it('has no "tick all" for external recipients', () => {
    const html = render(stateFor(VERDICT));
    const checkboxes = html.match(/<input[^>]*type="checkbox"[^>]*>/g) ?? [];
    expect(checkboxes).toHaveLength(CHECKLIST.length);
    expect(checkboxes.every((tag) => tag.includes('data-testid="preflight-item-'))).toBe(true);
  });

  it.each<[string, boolean, PaneState]>([
    ['nothing ticked', true, stateFor(VERDICT)],
    [
      'all ticked',
      false,
      stateFor(
        VERDICT,
        CHECKLIST.map((item) => item.id),
      ),
    ],
    [
      'all ticked but busy',
      true,
      stateFor(
        VERDICT,
        CHECKLIST.map((item) => item.id),
        { work: { kind: 'refreshing' } },
      ),
    ],
    ['blocked', true, stateFor(verdictWith({ decision: 'block', checklist: [] }))],
    // The last tick recorded it already; pressing Confirm again is harmless and keeps keyboard flows ending on it.
    [
      'already confirmed',
      false,
      stateFor(
        VERDICT,
        CHECKLIST.map((item) => item.id),
        { confirmedFingerprint: 'fingerprint-1' },
      ),
    ],
  ])('Confirm when %s: disabled=%s, and focusable either way', (_case, disabled, state) => {
    const tag = tagWithTestId(render(state), 'preflight-confirm') ?? '';
    expect(tag).toMatch(/^<button/);
    expect(/\saria-disabled="true"/.test(tag)).toBe(disabled);
    expect(tag).not.toMatch(/\sdisabled=""/);
  });

  it('offers the Bcc move only when the verdict suggests it', () => {
    expect(tagWithTestId(render(stateFor(VERDICT)), 'preflight-move-to-bcc')).toMatch(/^<button/);
    expect(tagWithTestId(render(stateFor(verdictWith({ actions: [] }))), 'preflight-move-to-bcc')).toBeNull();
  });

  it('names each Remove button after its recipient', () => {
    expect(render(stateFor(VERDICT))).toContain('aria-label="Remove bob@other.com from Cc"');
  });

  it('shows the look-alike domain in both forms with its characters', () => {
    const text = decode(render(stateFor(VERDICT)));
    expect(text).toContain('аррӏе.com');
    expect(text).toContain(LOOKALIKE_ASCII);
    expect(text).toContain('U+0430');
    expect(text).toContain('U+04CF');
    expect(text).toContain('Cyrillic');
  });

  it('says why a blocked message cannot go and that it cannot be sent as it is', () => {
    const blocked = { ...KEYWORD_FINDING, id: 'keyword:block', severity: 'block' as const };
    const html = render(stateFor(verdictWith({ decision: 'block', checklist: [], findings: [blocked] })));
    expect(statusText(html)).toBe('This message cannot be sent as it is.');
    expect(decode(html)).toContain('Sending is blocked because:');
    expect(decode(html)).toContain('Sending is blocked because:The subject contains "見積".');
  });

  it('keeps everything on screen when an action fails, and offers a retry', () => {
    const html = render(stateFor(VERDICT, [], { problem: { kind: 'office', operation: 'moveToBcc', code: '5001' } }));
    expect(statusText(html)).toContain('“moveToBcc” (code 5001)');
    expect(html).toContain('>Try again<');
    expect(tagWithTestId(html, 'preflight-item-recipient:cc:bob@other.com')).not.toBeNull();
  });

  it('keeps the raw words of an unexpected error out of the status line, behind Technical detail', () => {
    const raw = "Cannot read properties of undefined (reading 'address')";
    const html = render(stateFor(VERDICT, [], { problem: { kind: 'unexpected', message: raw } }), 'ja');
    expect(statusText(html)).toBe('メッセージの確認中に問題が発生しました。');
    const detail = /<details[^>]*data-testid="preflight-technical-detail"[^>]*>([\s\S]*?)<\/details>/.exec(html)?.[1] ?? '';
    expect(decode(detail)).toBe(`技術的な詳細${raw}`);
  });

  it('says so when it works from the saved policy', () => {
    const state = stateFor(VERDICT);
    const review = state.review ? { ...state.review, policySource: 'cache' as const } : null;
    expect(decode(render({ ...state, review }))).toContain('the last saved copy is used');
  });

  it('speaks Japanese', () => {
    const html = render(stateFor(VERDICT), 'ja');
    expect(decode(html)).toContain('送信前の確認');
    expect(statusText(html)).toBe(`あと ${CHECKLIST.length} 件チェックしてから「確認しました」を押してください。`);
    expect(html).toContain('aria-label="CC から bob@other.com を削除"');
    expect(decode(html)).toContain('キリル文字');
  });

  it('groups external recipients under headings by domain', () => {
    const headings = [...render(stateFor(VERDICT)).matchAll(/<h([1-4])[^>]*>([\s\S]*?)<\/h\1>/g)].map(
      ([, level, text]) => `${level} ${decode(text ?? '')}`,
    );
    expect(headings).toEqual([
      '1 Review before sending',
      '2 Recipients',
      '3 Outside your organisation (3)',
      '4 other.com (1)',
      '4 partner.co.jp (1)',
      '4 аррӏе.com (1)',
      '3 Inside your organisation (1)',
      '2 Attachments',
      '2 What Preflight found',
      '2 My recent links',
    ]);
  });

  const UNPROTECTED = {
    id: 'unprotected-attachment:見積書.xlsx:18342',
    rule: 'unprotected-attachment',
    severity: 'confirm',
    targets: [{ kind: 'attachment', name: '見積書.xlsx', size: 18342 }],
    messageKey: 'finding.unprotected-attachment.link.external',
    params: { name: '見積書.xlsx', size: 18342 },
  } as const;

  it('offers secure links when the policy asks for them, and no ZIP', () => {
    const html = render(stateFor(verdictWith({ findings: [...VERDICT.findings, UNPROTECTED] })));
    expect(html).toContain('data-testid="preflight-protect-links"');
    expect(html).not.toContain('data-testid="preflight-protect-zip"');
    expect(decode(html)).toContain('puts one link per recipient at the top of the body');
  });

  it('tells the user where in the pane to protect an attachment, also when it blocks', () => {
    const blocking = { ...UNPROTECTED, severity: 'block' as const };
    for (const finding of [UNPROTECTED, blocking]) {
      const text = decode(
        render(stateFor(verdictWith({ decision: finding.severity === 'block' ? 'block' : 'confirm', findings: [finding] }))),
      );
      expect(text).toContain('use "Share as secure links" under "Protect attachments".');
      expect(text).not.toContain('review pane');
    }
  });

  it('says why no links were made when Bcc recipients are present, in English and Japanese', () => {
    const link = { ok: false, stage: 'recipients', detail: 'bcc', originalsKept: true } as const;
    const state = stateFor(verdictWith({ findings: [...VERDICT.findings, UNPROTECTED] }), [], { link });
    expect(decode(render(state))).toContain('would show Bcc recipients to everyone');
    expect(decode(render(state, 'ja'))).toContain('BCC の宛先が全員に見えてしまいます');
  });

  it('shows an upload as a progress bar with its share', () => {
    const html = render(stateFor(VERDICT, [], { work: { kind: 'linking', stage: 'upload', sentBytes: 1048576, totalBytes: 4 * 1048576 } }));
    expect(html).toContain('data-testid="preflight-progress"');
    expect(statusText(html)).toBe('Uploading encrypted: 25% (1 of 4 MB)');
  });
});

describe('ReviewPane with confirmPer "domain"', () => {
  const domainState = (ticked: readonly string[] = []) => stateFor(DOMAIN_VERDICT, ticked, {}, DOMAIN_SNAPSHOT);

  it('puts one native checkbox per domain in its heading, labelled like the heading, and none per recipient', () => {
    const html = render(domainState());
    const tag = tagWithTestId(html, 'preflight-item-domain:other.com');
    expect(tag).toMatch(/^<input[^>]*type="checkbox"/);
    expect(tag).toMatch(/aria-describedby="[^"]+"/);
    expect(checkboxLabel(html, 'preflight-item-domain:other.com')).toBe('other.com (2)');
    expect(html).not.toContain('data-testid="preflight-item-recipient:');
    const checkboxes = html.match(/<input[^>]*type="checkbox"[^>]*>/g) ?? [];
    expect(checkboxes).toHaveLength(DOMAIN_CHECKLIST.length);
    expect(/<h4[^>]*>(?:(?!<\/h4>)[\s\S])*data-testid="preflight-item-domain:other\.com"/.test(html)).toBe(true);
  });

  it('says what one tick covers, in English and Japanese, and counts domains in the status', () => {
    expect(decode(render(domainState()))).toContain('One tick confirms every recipient at this domain.');
    const ja = render(domainState(), 'ja');
    expect(decode(ja)).toContain('このドメインの宛先すべてを 1 回のチェックで確認します。');
    expect(statusText(ja)).toBe(`あと ${DOMAIN_CHECKLIST.length} 件チェックしてから「確認しました」を押してください。`);
  });

  it('shows a domain checkbox ticked once its item is', () => {
    const tag = tagWithTestId(render(domainState(['domain:other.com'])), 'preflight-item-domain:other.com');
    expect(tag).toMatch(/\schecked=""/);
  });

  it('badges a finding of the domain item that no row carries under the heading', () => {
    expect(decode(render(domainState()))).toContain('New domain');
  });
});
