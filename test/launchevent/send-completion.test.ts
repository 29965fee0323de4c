import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/translate.js';
import { ALERT_TEXT_LIMIT } from '../../src/launchevent/alert-text.js';
import { completionForError, completionForVerdict, REVIEW_COMMAND_ID, type Presentation } from '../../src/launchevent/send-completion.js';
import { confirmVerdict, finding, verdict } from './fixtures.js';

const presentations: ReadonlyArray<readonly [string, Presentation]> = [
  ['1.12 en', { locale: 'en', canOpenPane: false, canUseMarkdown: false }],
  ['1.14 ja', { locale: 'ja', canOpenPane: true, canUseMarkdown: false }],
  ['1.15 en', { locale: 'en', canOpenPane: true, canUseMarkdown: true }],
  ['1.15 ja', { locale: 'ja', canOpenPane: true, canUseMarkdown: true }],
];

describe('completionForVerdict', () => {
  it.each(presentations)('keeps every text within Outlook limits (%s)', (_case, presentation) => {
    const many = Array.from({ length: 40 }, (_, index) =>
      finding(`b${index}`, 'block', 'Sending to {address} is not allowed', { address: `person${index}@${'blocked-domain.'.repeat(5)}example` }),
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
    const twice = [finding('b1', 'block', 'No {x}', { x: 'a' }), finding('b2', 'block', 'No {x}', { x: 'a' })];
    const message = completionForVerdict(verdict({ decision: 'block', findings: twice }), null, presentations[0]![1]).errorMessage ?? '';
    expect(message.split('No a')).toHaveLength(2);
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

describe('completionForError', () => {
  it.each([
    ['en', 'Preflight could not check this message'],
    ['ja', 'Preflight がこのメールを確認できなかった'],
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
