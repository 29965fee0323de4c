import { describe, expect, test } from 'vitest';
import { attachmentMismatchRule } from '../../../src/policy/rules/attachment-mismatch.js';
import type { AttachmentSnapshot, MessageSnapshot } from '../../../src/policy/types.js';
import { ids, message, people, policyFrom, runRule } from '../fixtures.js';

const POLICY = policyFrom({
  internalDomains: ['example.co.jp'],
  partners: [
    { name: '株式会社ABC商事', aliases: ['ABC商事', 'ABC'], domains: ['abc.co.jp'] },
    { name: 'XYZ物産', aliases: ['ＸＹＺ'], domains: ['xyz.co.jp', 'xyz-group.com'] },
    { name: '東西電機', domains: ['tozai.jp'] },
  ],
});

function file(name: string, size = 100, inline = false): AttachmentSnapshot {
  return { name, size, inline };
}

const TO_ABC = people('tanaka@abc.co.jp');

describe('attachment-mismatch', () => {
  test.each<[string, Partial<MessageSnapshot>, string[]]>([
    [
      'another partner in an attachment name',
      { to: TO_ABC, attachments: [file('XYZ物産様_見積書.xlsx')] },
      ['attachment-mismatch:attachment:XYZ物産様_見積書.xlsx:100'],
    ],
    ['the recipient partner in the name', { to: TO_ABC, attachments: [file('ABC商事様_見積書.xlsx')] }, []],
    [
      'an alias, full-width',
      { to: TO_ABC, attachments: [file('ｘｙｚ_請求書.pdf')] },
      ['attachment-mismatch:attachment:ｘｙｚ_請求書.pdf:100'],
    ],
    ['another partner in the body', { to: TO_ABC, body: 'XYZ物産 田中様\n\nお世話になっております。' }, ['attachment-mismatch:body']],
    ['another partner in the subject', { to: TO_ABC, subject: '【XYZ物産様】お見積り' }, ['attachment-mismatch:subject']],
    ['the body names both: a thread or a comparison', { to: TO_ABC, body: 'ABC商事 田中様\nXYZ物産様との件で' }, []],
    [
      'a subdomain of the partner',
      { to: people('a@mail.xyz.co.jp'), attachments: [file('東西電機_仕様書.docx')] },
      ['attachment-mismatch:attachment:東西電機_仕様書.docx:100'],
    ],
    ['a second domain of the partner', { to: people('a@xyz-group.com'), attachments: [file('XYZ物産_仕様書.docx')] }, []],
    [
      'an ASCII alias inside a longer word does not count',
      { to: people('a@tozai.jp'), attachments: [file('ABCD_plan.pdf'), file('fabc.txt')] },
      [],
    ],
    [
      'an ASCII alias as a word counts',
      { to: people('a@tozai.jp'), attachments: [file('plan_ABC_v2.pdf')] },
      ['attachment-mismatch:attachment:plan_ABC_v2.pdf:100'],
    ],
    [
      'a recipient outside every partner: nothing to compare',
      { to: [...TO_ABC, ...people('x@other.com')], attachments: [file('XYZ物産_見積.xlsx')] },
      [],
    ],
    [
      'recipients at two partners, naming one of them',
      { to: [...TO_ABC, ...people('b@xyz.co.jp')], attachments: [file('XYZ物産_見積.xlsx')] },
      [],
    ],
    [
      'recipients at two partners, naming a third',
      { to: [...TO_ABC, ...people('b@xyz.co.jp')], attachments: [file('東西電機_見積.xlsx')] },
      ['attachment-mismatch:attachment:東西電機_見積.xlsx:100'],
    ],
    [
      'internal recipients do not count',
      { to: [...TO_ABC, ...people('me@example.co.jp')], attachments: [file('XYZ物産_見積.xlsx')] },
      ['attachment-mismatch:attachment:XYZ物産_見積.xlsx:100'],
    ],
    ['internal mail only', { to: people('me@example.co.jp'), attachments: [file('XYZ物産_見積.xlsx')] }, []],
    ['an inline image', { to: TO_ABC, attachments: [file('XYZ物産_logo.png', 10, true)] }, []],
    [
      'the same file twice',
      { to: TO_ABC, attachments: [file('XYZ物産.pdf'), file('XYZ物産.pdf')] },
      ['attachment-mismatch:attachment:XYZ物産.pdf:100'],
    ],
    ['no recipients', { attachments: [file('XYZ物産.pdf')] }, []],
  ])('%s', (_name, parts, expected) => {
    expect(ids(runRule(attachmentMismatchRule, message(parts), POLICY))).toEqual(expected);
  });

  test('no partners, no findings', () => {
    const snapshot = message({ to: TO_ABC, attachments: [file('XYZ物産.pdf')] });
    expect(runRule(attachmentMismatchRule, snapshot, policyFrom({ internalDomains: ['example.co.jp'] }))).toEqual([]);
  });

  test('names the partner mentioned and the recipients’ partner', () => {
    const snapshot = message({ to: TO_ABC, attachments: [file('XYZ物産様_見積書.xlsx', 321)] });
    expect(runRule(attachmentMismatchRule, snapshot, POLICY)).toEqual([
      {
        id: 'attachment-mismatch:attachment:XYZ物産様_見積書.xlsx:321',
        rule: 'attachment-mismatch',
        severity: 'confirm',
        targets: [{ kind: 'attachment', name: 'XYZ物産様_見積書.xlsx', size: 321 }],
        messageKey: 'finding.attachment-mismatch.attachment-name',
        params: { partner: 'XYZ物産', recipients: '株式会社ABC商事', name: 'XYZ物産様_見積書.xlsx' },
      },
    ]);
  });

  test('the severity comes from severities', () => {
    const strict = policyFrom({ ...{ partners: POLICY.partners }, severities: { 'attachment-mismatch': 'block' } });
    const snapshot = message({ to: TO_ABC, body: 'XYZ物産 御中' });
    expect(runRule(attachmentMismatchRule, snapshot, strict).map((finding) => finding.severity)).toEqual(['block']);
  });
});
