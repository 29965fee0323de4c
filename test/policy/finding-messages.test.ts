// Every finding a rule can produce has a message in both languages, and every placeholder of that
// message is filled by the finding's params.
import { describe, expect, test } from 'vitest';
import { translate } from '../../src/i18n/translate.js';
import { FINDING_STRINGS } from '../../src/i18n/tables/findings.js';
import { evaluate } from '../../src/policy/evaluate.js';
import type { Finding } from '../../src/policy/types.js';
import { message, people, policyFrom } from './fixtures.js';

const POLICY = policyFrom({
  internalDomains: ['example.co.jp'],
  trustedDomains: ['partner.co.jp'],
  blockedRecipients: ['rival.co.jp'],
  attentionRecipients: ['press.example.com'],
  mailingLists: ['*-all@example.co.jp'],
  keywords: [{ term: '見積' }],
  bccSuggestThreshold: 2,
});

const SNAPSHOTS = [
  message({
    from: { address: 'taro@example.co.jp' },
    to: [
      { address: 'sales-all@example.co.jp' },
      { address: 'team@example.co.jp', type: 'distributionList' },
      { address: '', name: 'Sales Team' },
      { address: 'x@evil.com', name: 'jiro@example.co.jp' },
      { address: 'desk@press.example.com' },
    ],
    cc: people('y@rival.co.jp', 'z@examlpe.co.jp', 'w@еxample.co.jp'),
    originalRecipients: people('x@evil.com'),
    subject: '見積',
    body: '見積',
    attachments: [{ name: '見積書.xlsx', size: 10, inline: false }],
  }),
];

const findings: Finding[] = SNAPSHOTS.flatMap((snapshot) => [...evaluate(snapshot, POLICY, { nowMs: 0 }).findings]);

function placeholders(template: string): string[] {
  return (template.match(/\{(\w+)\}/g) ?? []).map((placeholder) => placeholder.slice(1, -1)).sort();
}

describe('finding messages', () => {
  test('the sample covers every message in the table, and the table every message used', () => {
    const used = [...new Set(findings.map((finding) => finding.messageKey))].sort();
    expect(used).toEqual(Object.keys(FINDING_STRINGS.en).sort());
  });

  test('Japanese uses the same placeholders as English', () => {
    for (const [key, template] of Object.entries(FINDING_STRINGS.en)) {
      expect(placeholders(FINDING_STRINGS.ja[key as keyof typeof FINDING_STRINGS.en]), key).toEqual(placeholders(template));
    }
  });

  test.each(['en', 'ja'] as const)('every placeholder is filled (%s)', (locale) => {
    for (const finding of findings) {
      const text = translate(locale, finding.messageKey, finding.params);
      expect(text, finding.id).not.toMatch(/\{\w+\}/);
    }
  });

  test('a look-alike reads naturally in Japanese', () => {
    const finding = findings.find((candidate) => candidate.id === 'lookalike-domain:xn--xample-2of.co.jp');
    expect(finding === undefined ? '' : translate('ja', finding.messageKey, finding.params)).toBe(
      '類似ドメインの疑い：еxample.co.jp は example.co.jp に似ていますが、別のドメイン（xn--xample-2of.co.jp）です。紛らわしい文字：е U+0435 Cyrillic',
    );
  });
});
