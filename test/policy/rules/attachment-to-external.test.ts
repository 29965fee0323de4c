import { describe, expect, test } from 'vitest';
import { attachmentToExternalRule } from '../../../src/policy/rules/attachment-to-external.js';
import type { AttachmentSnapshot, Recipient } from '../../../src/policy/types.js';
import { ids, message, people, runRule } from '../fixtures.js';

const REPORT: AttachmentSnapshot = { name: '見積書.xlsx', size: 18342, inline: false };
const LOGO: AttachmentSnapshot = { name: 'image001.png', size: 5120, inline: true };

describe('attachment-to-external', () => {
  test.each<[string, Recipient[], AttachmentSnapshot[], string[]]>([
    ['internal recipients only', people('a@example.co.jp', 'b@mail.example.co.jp'), [REPORT], []],
    ['no attachments', people('a@one.com'), [], []],
    ['no recipients', [], [REPORT], []],
    ['an external recipient', people('a@example.co.jp', 'b@one.com'), [REPORT], ['attachment-to-external:見積書.xlsx:18342']],
    ['a trusted partner is external', people('h@partner.co.jp'), [REPORT], ['attachment-to-external:見積書.xlsx:18342']],
    ['an unresolved recipient might be external', people('Sales Team'), [REPORT], ['attachment-to-external:見積書.xlsx:18342']],
    ['inline images are part of the body', people('a@one.com'), [LOGO], []],
    ['the same file twice counts once', people('a@one.com'), [REPORT, REPORT], ['attachment-to-external:見積書.xlsx:18342']],
    [
      'same name, other size',
      people('a@one.com'),
      [REPORT, { ...REPORT, size: 1 }],
      ['attachment-to-external:見積書.xlsx:18342', 'attachment-to-external:見積書.xlsx:1'],
    ],
  ])('%s', (_name, to, attachments, expected) => {
    expect(ids(runRule(attachmentToExternalRule, message({ to, attachments })))).toEqual(expected);
  });

  test('targets the attachment by name and size', () => {
    expect(runRule(attachmentToExternalRule, message({ bcc: people('a@one.com'), attachments: [REPORT] }))).toEqual([
      {
        id: 'attachment-to-external:見積書.xlsx:18342',
        rule: 'attachment-to-external',
        severity: 'confirm',
        targets: [{ kind: 'attachment', name: '見積書.xlsx', size: 18342 }],
        messageKey: 'finding.attachment-to-external',
        params: { name: '見積書.xlsx', size: 18342 },
      },
    ]);
  });
});
