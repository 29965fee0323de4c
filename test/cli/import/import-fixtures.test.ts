import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLEXCONFIRMMAIL_FILES, importFlexConfirmMail } from '../../../src/cli/import/flexconfirmmail/flexconfirmmail-import.js';
import type { ImportNote, ImportResult } from '../../../src/cli/import/import-note.js';
import { OUTLOOKOKAN_FILES, importOutlookOkan } from '../../../src/cli/import/outlookokan/outlookokan-import.js';
import { decodeSettingsText } from '../../../src/cli/import/settings-text.js';
import { parsePolicy } from '../../../src/policy/index.js';
import { flexConfirmMailIncludes, outlookOkanIncludes, preflightList } from './recipient-membership.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');

function readFixture(product: string, names: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of names) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(FIXTURES, product, name));
    } catch {
      continue;
    }
    const text = decodeSettingsText(bytes);
    if (text === null) throw new Error(`${name} is not text`);
    files.set(name, text);
  }
  return files;
}

const where = (notes: readonly ImportNote[]): string[] => notes.map((item) => `${item.file}:${item.line ?? '-'} ${item.reason}`);

/** The whole document, recipient lists and all, is a policy the policy check accepts. */
function parsesWhole(result: ImportResult): boolean {
  const parsed = parsePolicy(result.document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.ok;
}

describe('importFlexConfirmMail on a folder with every construct', () => {
  const texts = readFixture('flexconfirmmail', FLEXCONFIRMMAIL_FILES);
  const result = importFlexConfirmMail(texts, ['Notes.txt']);

  it('reads UTF-8 with and without a BOM and UTF-16 with one', () => {
    expect([...texts.keys()]).toEqual(FLEXCONFIRMMAIL_FILES);
    expect(texts.get('UnsafeDomains.txt')).toContain('[BLOCK]');
  });

  it('writes the policy document', () => {
    expect(result.document).toEqual({
      version: 1,
      internalDomains: [
        '# our domains',
        'example.co.jp',
        '@example-group.co.jp',
        '*.branch.example.net',
        'sales@partner.example',
        '*.trusted@example.com',
        '-retired@example.co.jp',
        // UntrustUnsafeRecipients: an unsafe recipient is never internal.
        '-@freemail.example',
        '-@leak.example',
        '-*@competitor.example',
        '-ceo@partner.example',
        '-@again.example',
      ],
      blockedRecipients: ['@leak.example', '*@competitor.example'],
      attentionRecipients: ['# careful', '@freemail.example', 'ceo@partner.example', '@again.example'],
      keywords: [
        { term: '.exe', action: 'warn', where: ['attachment-name'] },
        { term: '社外秘', action: 'warn', where: ['body', 'attachment-name'] },
        { term: 'パスワード', action: 'block', where: ['body', 'attachment-name'] },
        { term: '見積', action: 'warn', where: ['attachment-name'] },
        { term: '極秘', action: 'warn', where: ['body'] },
        { term: 'confidential', action: 'warn', where: ['body'] },
      ],
      bccSuggestThreshold: 3,
      confirmInternalOnly: false,
      severities: { 'new-domain': 'info' },
      delaySend: { minutes: 2, when: 'always' },
    });
    expect(parsesWhole(result)).toBe(true);
  });

  it('lists what it could not carry over, by file and line', () => {
    expect(where(result.notes)).toEqual([
      'Common.txt:2 countdown',
      'Common.txt:3 countdown',
      'Common.txt:4 countdown',
      'Common.txt:6 domain-count-differs',
      'Common.txt:8 new-domain-info',
      'Common.txt:10 delay-rounded',
      'Common.txt:12 distribution-lists',
      'Common.txt:13 fixed-parameters',
      'Common.txt:14 dialog-layout',
      'Common.txt:15 unknown-setting',
      'Common.txt:16 bad-value',
      'TrustedDomains.txt:10 exclusion-wider',
      'TrustedDomains.txt:11 invalid-entry',
      'UnsafeDomains.txt:- second-confirmation',
      'UnsafeDomains.txt:8 unknown-section',
      'UnsafeFiles.txt:3 wildcard-keyword',
      'UnsafeFiles.txt:4 keyword-exclusion',
      'UnsafeFiles.txt:8 second-confirmation',
      'UnsafeBodies.txt:2 keyword-exclusion',
      'UnsafeBodies.txt:3 custom-message',
      'UnsafeBodies.txt:8 second-confirmation',
      'UnsafeBodies.txt:8 wildcard-keyword',
      'UnsafeBodies.txt:9 message-language',
      'UnsafeBodies.txt:11 unknown-setting',
      'Notes.txt:- unknown-file',
    ]);
    expect(result.notes.find((item) => item.reason === 'delay-rounded')?.params).toEqual({ seconds: 90, minutes: 2 });
  });

  it('keeps the membership of the blocked list, exclusions and all', () => {
    const lines = (texts.get('UnsafeDomains.txt') ?? '').split(/\r\n/);
    const block = lines.slice(lines.indexOf('[BLOCK]') + 1, lines.indexOf('[REWARNING]'));
    const list = preflightList(result.document.blockedRecipients as string[]);
    for (const address of ['a@leak.example', 'a@sub.leak.example', 'x@competitor.example', 'x@sub.competitor.example']) {
      expect(list.includes(address)).toBe(flexConfirmMailIncludes(block, address));
    }
  });

  it('carries nothing from an empty folder but the version', () => {
    expect(importFlexConfirmMail(new Map())).toEqual({ document: { version: 1 }, notes: [] });
  });

  it('leaves a switched-off countdown unreported and reads the hold in minutes', () => {
    const common = [
      'CountEnabled = no',
      'CountSeconds = 10',
      'DelayDeliveryEnabled = yes',
      'DelayDeliverySeconds = 120',
      'MainSkipIfNoExt = off',
    ];
    const { document, notes } = importFlexConfirmMail(new Map([['Common.txt', common.join('\n')]]));
    expect(notes).toEqual([]);
    expect(document).toEqual({ version: 1, confirmInternalOnly: true, delaySend: { minutes: 2, when: 'always' } });
  });

  it('turns the Bcc suggestion off when FlexConfirmMail does not warn, and caps a hold at a day', () => {
    const common = ['SafeBccEnabled = false', 'SafeBccThreshold = 9', 'DelayDeliveryEnabled = 1', 'DelayDeliverySeconds = 100000'];
    const { document, notes } = importFlexConfirmMail(new Map([['Common.txt', common.join('\n')]]));
    expect(document).toMatchObject({ bccSuggestThreshold: 0, delaySend: { minutes: 1440 } });
    expect(where(notes)).toEqual(['Common.txt:4 delay-too-long']);
  });
});

describe('importOutlookOkan on a folder with every construct', () => {
  const texts = readFixture('outlookokan', OUTLOOKOKAN_FILES);
  const result = importOutlookOkan(texts, ['Backup.csv']);

  it('writes the policy document', () => {
    expect(result.document).toEqual({
      version: 1,
      internalDomains: ['example.co.jp', '@example-group.co.jp', '*.branch.example.net'],
      trustedDomains: ['partner.example', 'sales@vendor.example'],
      blockedRecipients: ['leak.example'],
      attentionRecipients: ['ceo@partner.example', '@freemail.example'],
      keywords: [
        { term: '社外秘', action: 'block', where: ['subject', 'body'] },
        { term: '見積', action: 'warn', where: ['body'] },
        { term: '至急', action: 'warn', where: ['subject'] },
      ],
      bccSuggestThreshold: 4,
      encryptedAttachments: 'confirm',
      partners: [
        { name: '取引先A', aliases: [], domains: ['partner-a.example', 'partner-a.co.jp'] },
        { name: '取引先B', aliases: [], domains: ['b.example'] },
      ],
      bccAction: 'move',
      delaySend: { minutes: 5, when: 'external' },
    });
    expect(parsesWhole(result)).toBe(true);
  });

  it('lists what it could not carry over, by file and line', () => {
    expect(where(result.notes)).toEqual([
      'GeneralSetting.csv:1 internal-only-confirmed',
      'GeneralSetting.csv:1 dialog-layout',
      'GeneralSetting.csv:1 forgotten-attachment',
      'GeneralSetting.csv:1 sender-cc-bcc',
      'InternalDomainList.csv:- sender-domain-internal',
      'Whitelist.csv:- whitelist-confirmed',
      'Whitelist.csv:2 skip-confirmation',
      'AlertAddressList.csv:2 custom-message',
      'AlertKeywordAndMessageList.csv:2 custom-message',
      'AlertKeywordAndMessageList.csv:4 wildcard-keyword',
      'NameAndDomains.csv:4 invalid-entry',
      'DeferredDeliveryMinutes.csv:2 delay-per-recipient',
      'AutoCcBccKeywordList.csv:1 conditional-cc-bcc',
      'SecurityForReceivedMail.csv:- received-mail',
      'Backup.csv:- unknown-file',
    ]);
  });

  it('keeps the membership of the internal and alert lists', () => {
    const internal = preflightList(result.document.internalDomains as string[]);
    const written = ['example.co.jp', '@example-group.co.jp', '.branch.example.net'];
    for (const address of [
      'a@example.co.jp',
      'a@x.example.co.jp',
      'a@example-group.co.jp',
      'a@x.example-group.co.jp',
      'a@branch.example.net',
      'a@y.branch.example.net',
    ]) {
      expect(internal.includes(address)).toBe(outlookOkanIncludes(written, address));
    }
  });

  it('reads a refusal from many outside domains as many-domains-visible at block', () => {
    const { document } = importOutlookOkan(new Map([['ExternalDomainsWarningAndAutoChangeToBccSetting.csv', '6,True,True,False']]));
    expect(document).toEqual({ version: 1, bccSuggestThreshold: 6, severities: { 'many-domains-visible': 'block' } });
  });

  it('reports a value it cannot read instead of guessing', () => {
    const { document, notes } = importOutlookOkan(new Map([['AlertAddressList.csv', 'leak.example,perhaps,']]));
    expect(document).toEqual({ version: 1 });
    expect(where(notes)).toEqual(['InternalDomainList.csv:- sender-domain-internal', 'AlertAddressList.csv:1 bad-value']);
  });
});
