import { describe, expect, test } from 'vitest';
import { uninspectableAttachmentRule } from '../../../src/policy/rules/uninspectable-attachment.js';
import type { AttachmentInspection, AttachmentSnapshot, InspectionSummary, Policy, Recipient } from '../../../src/policy/types.js';
import { ids, inspectedFile, message, people, policyFrom, runRule } from '../fixtures.js';

const DEFAULTS = policyFrom({ internalDomains: ['example.co.jp'] });
const OUTSIDE = people('hanako@partner.co.jp');
const INSIDE = people('jiro@example.co.jp');
const FILE: AttachmentSnapshot = { name: '顧客一覧.xlsx', size: 9000, inline: false };
const ID = 'uninspectable-attachment:顧客一覧.xlsx:9000';

function run(to: Recipient[], entries: AttachmentInspection[], policy: Policy = DEFAULTS, attachments = [FILE]) {
  const inspection: InspectionSummary = { attachments: entries };
  return runRule(uninspectableAttachmentRule, message({ to, attachments }), policy, inspection);
}

const CORRUPT = inspectedFile(FILE.name, FILE.size, { status: 'uninspectable', reason: 'corrupt' });
const TOO_BIG = inspectedFile(FILE.name, FILE.size, { status: 'uninspectable', reason: 'limit:total-bytes' });
const PENDING = inspectedFile(FILE.name, FILE.size, { status: 'pending' });
const UNREAD_MEMBER = inspectedFile(FILE.name, FILE.size, {
  unread: [
    { where: 'entry:inner.zip', status: 'uninspectable', reason: 'depth' },
    { where: 'entry:secret.xlsx', status: 'encrypted', reason: 'zip-encrypted' },
  ],
});

describe('uninspectable-attachment', () => {
  test.each<[string, Recipient[], AttachmentInspection[], Policy, string[], string[]]>([
    ['unreadable', OUTSIDE, [CORRUPT], DEFAULTS, ['finding.uninspectable-attachment'], ['confirm']],
    ['stopped by a bound', OUTSIDE, [TOO_BIG], DEFAULTS, ['finding.uninspectable-attachment.limit'], ['confirm']],
    ['not inspected within the budget', OUTSIDE, [PENDING], DEFAULTS, ['finding.uninspectable-attachment.pending'], ['confirm']],
    ['missing from the summary counts as pending', OUTSIDE, [], DEFAULTS, ['finding.uninspectable-attachment.pending'], ['confirm']],
    ['an unreadable member', OUTSIDE, [UNREAD_MEMBER], DEFAULTS, ['finding.uninspectable-attachment.member'], ['confirm']],
    ['inspected', OUTSIDE, [inspectedFile(FILE.name, FILE.size)], DEFAULTS, [], []],
    [
      'encrypted is encrypted-attachment',
      OUTSIDE,
      [inspectedFile(FILE.name, FILE.size, { status: 'encrypted', reason: 'zip-aes' })],
      DEFAULTS,
      [],
      [],
    ],
    ['inside only: no threshold applies to internal mail by default', INSIDE, [CORRUPT], DEFAULTS, [], []],
    [
      'inside with an internal threshold',
      INSIDE,
      [CORRUPT],
      policyFrom({ internalDomains: ['example.co.jp'], personalData: [{ kind: 'my-number', recipients: 'internal', atLeast: 1 }] }),
      ['finding.uninspectable-attachment'],
      ['confirm'],
    ],
    ['no thresholds at all', OUTSIDE, [CORRUPT], policyFrom({ personalData: [] }), [], []],
    [
      'blocked by policy',
      OUTSIDE,
      [PENDING],
      policyFrom({ uninspectableAttachments: 'block' }),
      ['finding.uninspectable-attachment.pending'],
      ['block'],
    ],
    ['allowed by policy', OUTSIDE, [CORRUPT], policyFrom({ uninspectableAttachments: 'allow' }), [], []],
  ])('%s', (_name, to, entries, policy, messageKeys, severities) => {
    const findings = run(to, entries, policy);
    expect(findings.map((finding) => finding.messageKey)).toEqual(messageKeys);
    expect(findings.map((finding) => finding.severity)).toEqual(severities);
    expect(ids(findings)).toEqual(messageKeys.map(() => ID));
  });

  test("no inspection, no findings: what was not inspected is the caller's to report", () => {
    expect(runRule(uninspectableAttachmentRule, message({ to: OUTSIDE, attachments: [FILE] }), DEFAULTS)).toEqual([]);
  });

  test('pending says so, with the name to show', () => {
    expect(run(OUTSIDE, [PENDING])).toEqual([
      {
        id: ID,
        rule: 'uninspectable-attachment',
        severity: 'confirm',
        targets: [{ kind: 'attachment', name: FILE.name, size: FILE.size }],
        messageKey: 'finding.uninspectable-attachment.pending',
        params: { name: FILE.name, size: FILE.size, status: 'pending', reason: '', parts: '' },
      },
    ]);
  });

  test('unreadable members are named', () => {
    expect(run(OUTSIDE, [UNREAD_MEMBER])[0]?.params.parts).toBe('entry:inner.zip');
  });

  test('inline images are part of the body, not attachments to inspect', () => {
    expect(run(OUTSIDE, [], DEFAULTS, [{ name: 'image001.png', size: 10, inline: true }])).toEqual([]);
  });
});
