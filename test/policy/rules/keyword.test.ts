import { describe, expect, test } from 'vitest';
import { keywordRule } from '../../../src/policy/rules/keyword.js';
import type { AttachmentSnapshot, MessageSnapshot } from '../../../src/policy/types.js';
import { ids, message, policyFrom, runRule } from '../fixtures.js';

const POLICY = policyFrom({
  internalDomains: ['example.co.jp'],
  keywords: [
    { term: '社外秘', action: 'block' },
    { term: '見積', action: 'warn', where: ['subject', 'attachment-name'] },
    { term: 'Confidential' },
    { term: 'マイナンバー', where: ['body'] },
  ],
});

function file(name: string, size = 100, inline = false): AttachmentSnapshot {
  return { name, size, inline };
}

describe('keyword', () => {
  test.each<[string, Partial<MessageSnapshot>, string[]]>([
    ['nothing matches', { subject: 'ご挨拶', body: 'よろしくお願いします' }, []],
    ['empty message', {}, []],
    ['subject', { subject: '【社外秘】計画' }, ['keyword:subject:社外秘']],
    ['body', { body: '本資料は社外秘です' }, ['keyword:body:社外秘']],
    ['attachment name', { attachments: [file('社外秘_計画.pdf')] }, ['keyword:attachment-name:社外秘']],
    [
      'every place, one finding each',
      { subject: '社外秘', body: '社外秘', attachments: [file('社外秘.docx')] },
      ['keyword:subject:社外秘', 'keyword:body:社外秘', 'keyword:attachment-name:社外秘'],
    ],
    ['a place the keyword does not search', { body: '見積をお送りします' }, []],
    ['its places', { subject: 'お見積', attachments: [file('見積書.xlsx')] }, ['keyword:subject:見積', 'keyword:attachment-name:見積']],
    ['case-insensitive', { subject: 'CONFIDENTIAL: plan' }, ['keyword:subject:confidential']],
    ['full-width letters', { body: 'ＣＯＮＦＩＤＥＮＴＩＡＬ' }, ['keyword:body:confidential']],
    ['half-width katakana', { body: 'ﾏｲﾅﾝﾊﾞｰを記入' }, ['keyword:body:マイナンバー']],
    ['an inline image name', { attachments: [file('社外秘.png', 10, true)] }, ['keyword:attachment-name:社外秘']],
    ['split by a space does not match', { subject: '社外 秘' }, []],
  ])('%s', (_name, parts, expected) => {
    expect(ids(runRule(keywordRule, message(parts), POLICY))).toEqual(expected);
  });

  test('block keywords block; warn keywords take the keyword severity', () => {
    const snapshot = message({ subject: '社外秘の見積' });
    expect(runRule(keywordRule, snapshot, POLICY).map((finding) => finding.severity)).toEqual(['block', 'confirm']);
    const relaxed = policyFrom({ keywords: POLICY.keywords, severities: { keyword: 'info' } });
    expect(runRule(keywordRule, snapshot, relaxed).map((finding) => finding.severity)).toEqual(['block', 'info']);
  });

  test('attachment matches name every matching file once, as targets and in the message', () => {
    const snapshot = message({
      attachments: [file('見積書.xlsx', 10), file('見積書.xlsx', 10), file('見積_v2.pdf', 20), file('memo.txt')],
    });
    expect(runRule(keywordRule, snapshot, POLICY)).toEqual([
      {
        id: 'keyword:attachment-name:見積',
        rule: 'keyword',
        severity: 'confirm',
        targets: [
          { kind: 'attachment', name: '見積書.xlsx', size: 10 },
          { kind: 'attachment', name: '見積_v2.pdf', size: 20 },
        ],
        messageKey: 'finding.keyword.attachment-name',
        params: { term: '見積', action: 'warn', names: '見積書.xlsx, 見積_v2.pdf' },
      },
    ]);
  });

  test('subject and body findings point at their part', () => {
    const findings = runRule(keywordRule, message({ subject: 'confidential', body: 'confidential' }), POLICY);
    expect(findings.map((finding) => [finding.messageKey, finding.targets])).toEqual([
      ['finding.keyword.subject', [{ kind: 'message', part: 'subject' }]],
      ['finding.keyword.body', [{ kind: 'message', part: 'body' }]],
    ]);
  });
});
