import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/translate.js';
import { ALERT_TEXT_LIMIT } from '../../src/launchevent/alert-text.js';
import type { SendPlan } from '../../src/check/index.js';
import { completionForError, completionForPlan, REVIEW_COMMAND_ID, type Presentation } from '../../src/launchevent/send-completion.js';
import { NO_CONTROLS, type Finding, type Severity, type Verdict } from '../../src/policy/index.js';
import { confirmVerdict, finding, verdict } from './fixtures.js';

/** The plan a verdict gets when nothing was confirmed and the dialog cannot confirm it. */
function completionForVerdict(verdict: Verdict, _confirmed: null, presentation: Presentation) {
  const plan: SendPlan =
    verdict.decision === 'confirm'
      ? { kind: 'review' }
      : verdict.decision === 'block'
        ? { kind: 'block' }
        : { kind: 'allow', because: 'clean', controls: NO_CONTROLS };
  return completionForPlan(plan, verdict, presentation);
}

const presentations: ReadonlyArray<readonly [string, Presentation]> = [
  ['1.12 en', { locale: 'en', canOpenPane: false, canUseMarkdown: false }],
  ['1.14 ja', { locale: 'ja', canOpenPane: true, canUseMarkdown: false }],
  ['1.15 en', { locale: 'en', canOpenPane: true, canUseMarkdown: true }],
  ['1.15 ja', { locale: 'ja', canOpenPane: true, canUseMarkdown: true }],
];

describe('completionForVerdict', () => {
  it.each(presentations)('keeps every text within Outlook limits (%s)', (_case, presentation) => {
    const many = Array.from({ length: 40 }, (_, index) =>
      finding(`b${index}`, 'block', 'finding.blocked-recipient', {
        address: `person${index}@${'blocked-domain.'.repeat(5)}example`,
        entry: 'blocked-domain.example',
      }),
    );
    const blocked = completionForVerdict(verdict({ decision: 'block', findings: many }), null, presentation);
    expect(blocked.errorMessage!.length).toBeLessThanOrEqual(ALERT_TEXT_LIMIT);
    expect(blocked.errorMessage).toContain('person0@');
    const confirm = completionForVerdict(confirmVerdict(), null, presentation);
    expect(confirm.errorMessage!.length).toBeLessThanOrEqual(ALERT_TEXT_LIMIT);
    expect((confirm.errorMessageMarkdown ?? '').length).toBeLessThanOrEqual(ALERT_TEXT_LIMIT);
    expect((confirm.cancelLabel ?? '').length).toBeLessThanOrEqual(20);
  });

  it('names the same blocked item once', () => {
    const twice = [
      finding('b1', 'block', 'finding.keyword.subject', { term: 'a' }),
      finding('b2', 'block', 'finding.keyword.subject', { term: 'a' }),
    ];
    const message = completionForVerdict(verdict({ decision: 'block', findings: twice }), null, presentations[0]![1]).errorMessage ?? '';
    expect(message.split('The subject contains "a".')).toHaveLength(2);
  });

  it('says the policy is broken when a block verdict carries no block finding', () => {
    const message = completionForVerdict(verdict({ decision: 'block' }), null, presentations[0]![1]).errorMessage;
    expect(message).toContain(translate('en', 'handler.block.generic'));
  });

  it('opens the review pane with the manifest control id', () => {
    expect(completionForVerdict(confirmVerdict(), null, presentations[1]![1]).commandId).toBe(REVIEW_COMMAND_ID);
    expect(REVIEW_COMMAND_ID).toBe('msgComposeOpenPaneButton');
  });
});

describe('unprotected attachments in the alert', () => {
  const unprotected = (id: string, severity: Severity): Finding => ({
    id: `unprotected-attachment:${id}`,
    rule: 'unprotected-attachment',
    severity,
    targets: [{ kind: 'attachment', name: id, size: 1 }],
    messageKey: 'finding.unprotected-attachment.link.external',
    params: { name: id, size: 1 },
  });
  const files = (severity: Severity) => Array.from({ length: 12 }, (_, index) => unprotected(`file-${index}.xlsx`, severity));

  it.each([
    ['en', '"Protect attachments"', 'Attachments not protected as the policy asks: 12.'],
    ['ja', '「添付ファイルの保護」', 'ポリシーどおりに保護されていない添付ファイル: 12 件。'],
  ] as const)('block (%s): one line for all files, pointing to the pane, next to the other reasons', (locale, button, line) => {
    const blocked = verdict({
      decision: 'block',
      findings: [finding('b1', 'block', 'finding.keyword.subject', { term: 'rival' }), ...files('block')],
    });
    const message = completionForVerdict(blocked, null, { locale, canOpenPane: true, canUseMarkdown: true }).errorMessage ?? '';
    expect(message).toContain(line);
    expect(message).toContain(button);
    expect(message).toContain('rival');
    expect(message).not.toContain('file-0.xlsx');
    expect(message.length).toBeLessThanOrEqual(ALERT_TEXT_LIMIT);
  });

  it('confirm: counts them on their own line, in the plain and the Markdown text', () => {
    const base = confirmVerdict();
    const confirm = verdict({ ...base, findings: [...base.findings, ...files('confirm'), unprotected('shown.pdf', 'info')] });
    const completion = completionForVerdict(confirm, null, presentations[2]![1]);
    expect(completion.errorMessage).toContain('Attachments not protected as the policy asks: 12.');
    expect(completion.errorMessageMarkdown).toContain('Attachments not protected as the policy asks: 12.');
    expect(completion.commandId).toBe(REVIEW_COMMAND_ID);
  });

  it('confirm without unprotected attachments has no such line; info ones are not counted', () => {
    const base = confirmVerdict();
    const withInfo = verdict({ ...base, findings: [...base.findings, unprotected('shown.pdf', 'info')] });
    expect(completionForVerdict(base, null, presentations[2]![1]).errorMessage).not.toContain('Protect attachments');
    expect(completionForVerdict(withInfo, null, presentations[2]![1]).errorMessage).not.toContain('Protect attachments');
  });
});

describe('completionForError', () => {
  it.each([
    ['en', 'This message could not be checked'],
    ['ja', 'このメールを確認できなかった'],
  ] as const)('blocks with a retry message in %s that carries the detail', (locale, text) => {
    const completion = completionForError('block', 'to.getAsync timeout', { locale, canOpenPane: true, canUseMarkdown: true });
    expect(Object.keys(completion).sort()).toEqual(['allowEvent', 'errorMessage']);
    expect(completion.allowEvent).toBe(false);
    expect(completion.errorMessage).toContain(text);
    expect(completion.errorMessage).toContain('to.getAsync timeout');
  });

  it('allows when the policy says onError allow', () => {
    expect(completionForError('allow', 'deadline', presentations[0]![1])).toEqual({ allowEvent: true });
  });
});

describe('what the dialog says', () => {
  const en = presentations[2]![1];

  it.each(presentations)("names the outside domains with their addresses, the files, and the pane's count (%s)", (_case, presentation) => {
    const completion = completionForVerdict(confirmVerdict(), null, presentation);
    const message = completion.errorMessage ?? '';
    expect(message).toContain('partner.co.jp — a@partner.co.jp');
    expect(message).toContain('other.jp — b@other.jp');
    expect(message).not.toContain('me@example.co.jp');
    expect(message).toContain('見積書.xlsx');
    // The pane lists every checklist item, so the dialog's count is the checklist's length.
    expect(message).toContain(presentation.locale === 'en' ? 'Items to check: 4.' : '確認する項目: 4 件。');
    expect(message).not.toContain('Preflight');
  });

  it('counts each domain instead of naming addresses when there are many', () => {
    const many = Array.from({ length: 6 }, (_, index) => ({
      id: `r${index}`,
      kind: 'recipient' as const,
      address: `person${index}@${index < 3 ? 'a.example' : 'b.example'}`,
      field: 'to' as const,
      domain: index < 3 ? 'a.example' : 'b.example',
      external: true,
      findingIds: [],
    }));
    const message = completionForVerdict(verdict({ decision: 'confirm', checklist: many }), null, en).errorMessage ?? '';
    expect(message).toContain('Outside: a.example — 3 recipients');
    expect(message).toContain('Outside: b.example — 3 recipients');
    expect(message).not.toContain('person0@');
  });

  it('names a list that reaches outside under each of its outside domains, not its own', () => {
    const list = { kind: 'recipient' as const, field: 'to' as const, domain: 'example.co.jp', external: true, findingIds: [] };
    const checklist = [
      { ...list, id: 'r1', address: 'pj@example.co.jp', outsideDomains: ['partner.co.jp', 'xn--wgv71a119e.jp'] },
      { ...list, id: 'r2', address: 'team@example.co.jp', outsideDomains: [] },
    ];
    const message = completionForVerdict(verdict({ decision: 'confirm', checklist }), null, en).errorMessage ?? '';
    expect(message).toContain('Outside: partner.co.jp — pj@example.co.jp');
    expect(message).toContain('Outside: 日本語.jp — pj@example.co.jp');
    expect(message).toContain('Outside: team@example.co.jp — team@example.co.jp');
    expect(message).not.toContain('Outside: example.co.jp');
  });

  it('gives one line per kind of finding, with how many more there are', () => {
    const keywords = [
      finding('k1', 'confirm', 'finding.keyword.body', { term: 'a' }),
      finding('k2', 'confirm', 'finding.keyword.body', { term: 'b' }),
    ];
    const message = completionForVerdict(verdict({ decision: 'confirm', findings: keywords }), null, en).errorMessage ?? '';
    expect(message).toContain('The body contains "a". (+1 more)');
    expect(message).not.toContain('contains "b"');
  });

  it('names the character a look-alike domain hides, with its code point', () => {
    const lookalike: Finding = {
      id: 'lookalike-domain:xn--exmple-4nf.co.jp',
      rule: 'lookalike-domain',
      severity: 'block',
      targets: [{ kind: 'domain', domain: 'xn--exmple-4nf.co.jp' }],
      messageKey: 'finding.lookalike-domain.idn',
      params: { domain: 'exаmple.co.jp', imitates: 'example.co.jp', char: 'а', codePoint: 'U+0430', script: 'Cyrillic' },
    };
    const message = completionForVerdict(verdict({ decision: 'block', findings: [lookalike] }), null, en).errorMessage ?? '';
    expect(message).toMatch(/exаmple\.co\.jp — "а" is CYRILLIC SMALL LETTER A \(U\+0430\)/);
  });
});

describe('confirming in the dialog', () => {
  const plan: SendPlan = { kind: 'dialog-confirm', addresses: ['a@partner.co.jp', 'b@partner.co.jp'], controls: NO_CONTROLS };

  it.each([presentations[1]!, presentations[2]!])('offers Send Anyway and lists each outside address (%s)', (_case, presentation) => {
    const completion = completionForPlan(plan, confirmVerdict(), presentation);
    expect(completion.promptUser).toBe(true);
    expect(completion.allowEvent).toBe(false);
    expect(completion.errorMessage).toContain('a@partner.co.jp');
    expect(completion.errorMessage).toContain('b@partner.co.jp');
    expect(completion.commandId).toBe(REVIEW_COMMAND_ID);
    expect(completion.errorMessage!.length).toBeLessThanOrEqual(ALERT_TEXT_LIMIT);
  });

  const en14: Presentation = { locale: 'en', canOpenPane: true, canUseMarkdown: false };
  const numbered = (count: number, address: (index: number) => string): string[] =>
    Array.from({ length: count }, (_, index) => address(index));

  it.each([
    ['the addresses do not all fit', numbered(10, (index) => `${'x'.repeat(60)}${index}@partner.co.jp`), presentations[2]![1]],
    // 1.15 shows the Markdown, longer by its markers: it drops user_9 while the plain text still holds it.
    [
      'the Markdown drops one the plain text holds',
      numbered(10, (index) => `user_${index}_xxxxxxxxxxxx@partner.co.jp`),
      presentations[2]![1],
    ],
    // The plain text drops a@ but shows ba@, which contains it.
    [
      'a shown address only contains a dropped one',
      ['ba@partner.co.jp', ...numbered(3, (index) => `${'y'.repeat(100)}${index}@partner.co.jp`), 'a@partner.co.jp'],
      en14,
    ],
  ])('goes to the review pane instead when %s', (_case, addresses, presentation) => {
    const completion = completionForPlan({ kind: 'dialog-confirm', addresses, controls: NO_CONTROLS }, confirmVerdict(), presentation);
    expect(completion.promptUser).toBeUndefined();
    expect(completion.errorMessage).toContain('Items to check');
  });
});

describe('the controls at Send in the dialog', () => {
  const en: Presentation = { locale: 'en', canOpenPane: true, canUseMarkdown: true };

  it('says when a held message leaves and how to cancel it, on each client', () => {
    const heldUntilMs = new Date(2026, 11, 6, 14, 5).getTime();
    const plan: SendPlan = { kind: 'dialog-confirm', addresses: ['a@partner.co.jp'], controls: { delayMinutes: 5, addBcc: [] } };
    const completion = completionForPlan(plan, confirmVerdict(), en, { heldUntilMs });
    expect(completion.promptUser).toBe(true);
    expect(completion.errorMessage).toContain('It leaves at 14:05.');
    expect(completion.errorMessage).toContain('classic Outlook on Windows cannot cancel it');
    expect(completion.errorMessage!.length).toBeLessThanOrEqual(ALERT_TEXT_LIMIT);
  });

  it('stops once to say which recipients it moved to Bcc', () => {
    const completion = completionForPlan({ kind: 'move-to-bcc', addresses: ['a@one.example', 'b@two.example'] }, confirmVerdict(), {
      ...en,
      locale: 'ja',
    });
    expect(completion.allowEvent).toBe(false);
    expect(completion.errorMessage).toMatch(/^社外の宛先が互いに見えないよう Bcc に移しました（2 件）:\na@one\.example\nb@two\.example\n/);
    expect(completion.commandId).toBeUndefined();
    expect(completion.errorMessageMarkdown).toContain('- a@one.example\r- b@two.example\r');
  });
});
