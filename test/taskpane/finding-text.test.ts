import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locale.js';
import { translate } from '../../src/i18n/translate.js';
import type { Finding } from '../../src/policy/index.js';
import { findingText } from '../../src/taskpane/finding-text.js';
import { paneText } from '../../src/taskpane/pane-text.js';
import { KEYWORD_FINDING } from './fixtures.js';

function unprotected(mode: 'zip' | 'link', recipients: 'internal' | 'external'): Finding {
  return {
    id: `unprotected-attachment:a.pdf:10:${mode}:${recipients}`,
    rule: 'unprotected-attachment',
    severity: 'confirm',
    targets: [{ kind: 'attachment', name: 'a.pdf', size: 10 }],
    messageKey: `finding.unprotected-attachment.${mode}.${recipients}`,
    params: { name: 'a.pdf', size: 10 },
  };
}

const UNPROTECTED = [
  unprotected('zip', 'external'),
  unprotected('zip', 'internal'),
  unprotected('link', 'external'),
  unprotected('link', 'internal'),
];

describe('findingText', () => {
  it.each<[Locale, RegExp]>([
    ['en', /review pane|Preflight pane|open the pane/i],
    ['ja', /確認ペイン|ペインを開/],
  ])('an unprotected attachment points to the section in the pane, not to the pane itself (%s)', (locale, elsewhere) => {
    const text = paneText(locale);
    for (const finding of UNPROTECTED) {
      const message = findingText(text, finding);
      expect(message, finding.messageKey).toContain('a.pdf');
      expect(message, finding.messageKey).toContain(text('pane.protect.title'));
      expect(message, finding.messageKey).toContain(text('pane.link.button'));
      expect(message, finding.messageKey).not.toMatch(elsewhere);
      expect(message, finding.messageKey).not.toMatch(/\{\w+\}/);
    }
  });

  it('names the ZIP button only where the policy allows a ZIP', () => {
    const text = paneText('en');
    expect(UNPROTECTED.map((finding) => findingText(text, finding).includes('"Protect as encrypted ZIP"'))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('shows any other finding with its own message', () => {
    expect(findingText(paneText('ja'), KEYWORD_FINDING)).toBe(translate('ja', KEYWORD_FINDING.messageKey, KEYWORD_FINDING.params));
  });

  it('names the script of a look-alike character in the pane language', () => {
    const lookalike: Finding = {
      id: 'lookalike-domain:xn--xample-2of.co.jp',
      rule: 'lookalike-domain',
      severity: 'block',
      targets: [{ kind: 'domain', domain: 'xn--xample-2of.co.jp' }],
      messageKey: 'finding.lookalike-domain.idn',
      params: { unicode: 'еxample.co.jp', imitates: 'example.co.jp', ascii: 'xn--xample-2of.co.jp', characters: 'е U+0435 Cyrillic' },
    };
    expect(findingText(paneText('ja'), lookalike)).toMatch(/紛らわしい文字：е U\+0435 キリル文字$/);
    expect(findingText(paneText('en'), lookalike)).toMatch(/Unusual characters: е U\+0435 Cyrillic\.$/);
  });
});
