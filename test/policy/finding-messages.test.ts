// Every finding a rule can produce has a message in both languages, and every placeholder of that
// message is filled by the finding's params.
import { describe, expect, test } from 'vitest';
import { translate } from '../../src/i18n/translate.js';
import { FINDING_STRINGS } from '../../src/i18n/tables/findings.js';
import { evaluate } from '../../src/policy/evaluate.js';
import {
  PERSONAL_DATA_KINDS,
  type AttachmentInspection,
  type Finding,
  type InspectionSummary,
  type TextInspection,
} from '../../src/policy/types.js';
import { emptyHistory, recordRecipients } from '../../src/policy/history/recipient-history.js';
import { message, people, policyFrom } from './fixtures.js';

const POLICY = policyFrom({
  internalDomains: ['example.co.jp'],
  trustedDomains: ['partner.co.jp'],
  blockedRecipients: ['rival.co.jp'],
  attentionRecipients: ['press.example.com'],
  mailingLists: ['*-all@example.co.jp'],
  keywords: [{ term: '見積' }],
  bccSuggestThreshold: 2,
  personalMailDomains: { add: ['home.example.net'] },
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
  message({
    from: { address: 'taro@example.co.jp', name: 'Taro Yamada' },
    to: [
      { address: 'hanako@example.co.jp', name: '佐藤 花子' },
      { address: 'hanako@gmail.com', name: '佐藤花子' },
      { address: 'taro@gmail.com', name: 'Yamada Taro' },
      { address: 'hanako@docomo.ne.jp' },
      { address: 'hanako@home.example.net' },
    ],
  }),
];

const INSPECTION_POLICY = policyFrom({
  internalDomains: ['example.co.jp'],
  personalData: PERSONAL_DATA_KINDS.map((kind) => ({ kind, atLeast: 1 })),
  partners: [
    { name: 'ABC商事', domains: ['abc.co.jp'] },
    { name: 'XYZ物産', aliases: ['XYZ'], domains: ['xyz.co.jp'] },
  ],
});

const EVERY_KIND: TextInspection = {
  personalData: PERSONAL_DATA_KINDS.map((kind) => ({ kind, high: 1, low: 0, highSamples: ['x****'], lowSamples: [], parts: ['sheet:1'] })),
};

function inspected(name: string, size: number, rest: Partial<AttachmentInspection> = {}): AttachmentInspection {
  return { name, size, status: 'inspected', reason: '', unread: [], personalData: [], ...rest };
}

const FILES = [
  { name: 'all.xlsx', size: 1, inline: false },
  { name: 'locked.zip', size: 2, inline: false },
  { name: 'mixed.zip', size: 3, inline: false },
  { name: 'broken.docx', size: 4, inline: false },
  { name: 'huge.xlsx', size: 5, inline: false },
  { name: 'XYZ物産_見積.pdf', size: 6, inline: false },
];

const INSPECTION: InspectionSummary = {
  subject: EVERY_KIND,
  body: EVERY_KIND,
  attachments: [
    inspected('all.xlsx', 1, EVERY_KIND),
    inspected('locked.zip', 2, { status: 'encrypted', reason: 'zip-encrypted' }),
    inspected('mixed.zip', 3, {
      unread: [
        { where: 'entry:a.zip', status: 'encrypted', reason: 'zip-encrypted' },
        { where: 'entry:b.bin', status: 'uninspectable', reason: 'unsupported-type' },
      ],
    }),
    inspected('broken.docx', 4, { status: 'uninspectable', reason: 'corrupt' }),
    inspected('huge.xlsx', 5, { status: 'uninspectable', reason: 'limit:total-bytes' }),
  ],
};

const INSPECTED = message({
  to: people('h@abc.co.jp'),
  subject: 'XYZ物産 御中',
  body: 'XYZ 様',
  attachments: FILES,
});

const PROTECTION_CASES = (['zip', 'link'] as const).flatMap((mode) => [
  evaluate(
    message({ to: people('a@example.co.jp'), attachments: [{ name: 'a.pdf', size: 1, inline: false }] }),
    policyFrom({ internalDomains: ['example.co.jp'], attachments: { protection: { internal: mode } } }),
    {},
  ),
  evaluate(
    message({ to: people('a@abc.co.jp'), attachments: [{ name: 'a.pdf', size: 1, inline: false }] }),
    policyFrom({ internalDomains: ['example.co.jp'], attachments: { protection: { external: mode } } }),
    {},
  ),
]);

const MOVING_POLICY = policyFrom({ internalDomains: ['example.co.jp'], bccSuggestThreshold: 2, bccAction: 'move' });

const APPROVAL_POLICY = policyFrom({
  internalDomains: ['example.co.jp'],
  approval: { approvers: [{ senders: ['sales.example.co.jp'], approvers: ['boss@example.co.jp'] }] },
});
const OUTSIDE = message({ from: { address: 'taro@sales.example.co.jp' }, to: people('a@abc.co.jp') });
const APPROVAL_CASES = [
  evaluate(OUTSIDE, APPROVAL_POLICY, {}),
  evaluate({ ...OUTSIDE, from: { address: 'jiro@example.co.jp' } }, APPROVAL_POLICY, {}),
  evaluate(OUTSIDE, APPROVAL_POLICY, { approval: { approver: 'boss@example.co.jp' } }),
];

const HISTORY = recordRecipients(emptyHistory('CCCCCCCCCCCCCCCCCCCCCC'), ['tanaka.k@abc.co.jp', 'info@xyz.co.jp'], 20_000, {
  days: 365,
  maxEntries: 10,
});
const HISTORY_CASE = evaluate(message({ to: people('tanaka@abc.co.jp', 'sales@xyz.co.jp', 'a@new.example') }), POLICY, {
  history: HISTORY,
});

const LIST_POLICY = policyFrom({
  internalDomains: ['example.co.jp'],
  mailingLists: [{ address: 'pj@example.co.jp', externalDomains: ['vendor.example'] }],
  unknownLists: 'treat-as-external',
});
const LIST_CASE = evaluate(
  message({ to: [{ address: 'pj@example.co.jp' }, { address: 'team@example.co.jp', type: 'distributionList' }] }),
  LIST_POLICY,
  {},
);

const PERSONAL_MAIL_STOPPED = evaluate(
  message({ to: people('hanako@gmail.com'), attachments: [{ name: '名簿.xlsx', size: 1, inline: false }] }),
  policyFrom({ internalDomains: ['example.co.jp'], personalMailDomains: { withAttachments: 'block' } }),
  {},
);

const PRIVATE_LIST = { address: 'fans@example.co.jp', externalDomains: ['gmail.com'] };
const PERSONAL_MAIL_LISTS = (['confirm', 'block'] as const).map((withAttachments) =>
  evaluate(
    message({ to: people(PRIVATE_LIST.address), attachments: [{ name: '名簿.xlsx', size: 1, inline: false }] }),
    policyFrom({ internalDomains: ['example.co.jp'], mailingLists: [PRIVATE_LIST], personalMailDomains: { withAttachments } }),
    {},
  ),
);

const findings: Finding[] = [
  ...HISTORY_CASE.findings,
  ...PERSONAL_MAIL_STOPPED.findings,
  ...PERSONAL_MAIL_LISTS.flatMap((verdict) => [...verdict.findings]),
  ...LIST_CASE.findings,
  ...APPROVAL_CASES.flatMap((verdict) => [...verdict.findings]),
  ...SNAPSHOTS.flatMap((snapshot) => [...evaluate(snapshot, POLICY, {}).findings]),
  ...evaluate(message({ to: people('a@one.example', 'b@two.example') }), MOVING_POLICY, {}).findings,
  ...evaluate(INSPECTED, INSPECTION_POLICY, { inspection: INSPECTION }).findings,
  ...PROTECTION_CASES.flatMap((verdict) => [...verdict.findings]),
];

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

  test('personal data in an attachment reads naturally in Japanese', () => {
    const finding = findings.find((candidate) => candidate.id === 'personal-data:my-number:attachment:all.xlsx:1');
    expect(finding === undefined ? '' : translate('ja', finding.messageKey, finding.params)).toBe(
      '添付ファイル all.xlsx (sheet:1) に個人番号（マイナンバー）が 1 件含まれています（例：x****）。',
    );
  });

  test('an unprotected attachment points to the review pane in both languages', () => {
    const finding = findings.find((candidate) => candidate.messageKey === 'finding.unprotected-attachment.zip.external');
    expect(finding === undefined ? '' : translate('ja', finding.messageKey, finding.params)).toContain('「添付ファイルの保護」');
    expect(finding === undefined ? '' : translate('en', finding.messageKey, finding.params)).toContain('"Protect attachments"');
  });

  test('a look-alike reads naturally in Japanese', () => {
    const finding = findings.find((candidate) => candidate.id === 'lookalike-domain:xn--xample-2of.co.jp');
    expect(finding === undefined ? '' : translate('ja', finding.messageKey, finding.params)).toBe(
      '類似ドメインの疑い：еxample.co.jp は example.co.jp に似ていますが、別のドメイン（xn--xample-2of.co.jp）です。紛らわしい文字：е U+0435 Cyrillic',
    );
  });
});
