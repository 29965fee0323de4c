import { describe, expect, test } from 'vitest';
import { encryptedAttachmentRule } from '../../../src/policy/rules/encrypted-attachment.js';
import type {
  AttachmentInspection,
  AttachmentSnapshot,
  InspectionSummary,
  Policy,
  ProtectionState,
  Recipient,
} from '../../../src/policy/types.js';
import { ids, inspectedFile, message, people, policyFrom, runRule } from '../fixtures.js';

const DEFAULTS = policyFrom({ internalDomains: ['example.co.jp'] });
const OUTSIDE = people('hanako@partner.co.jp');
const INSIDE = people('jiro@example.co.jp');
const ZIP: AttachmentSnapshot = { name: '見積書.zip', size: 4096, inline: false };

function run(to: Recipient[], entry: AttachmentInspection | null, policy: Policy = DEFAULTS, attachments = [ZIP]) {
  const inspection: InspectionSummary = { attachments: entry === null ? [] : [entry] };
  return runRule(encryptedAttachmentRule, message({ to, attachments }), policy, inspection);
}

const ENCRYPTED = inspectedFile(ZIP.name, ZIP.size, { status: 'encrypted', reason: 'zip-encrypted' });
const WITH_ENCRYPTED_MEMBER = inspectedFile(ZIP.name, ZIP.size, {
  unread: [
    { where: 'entry:給与.xlsx', status: 'encrypted', reason: 'zip-encrypted' },
    { where: 'entry:x.bin', status: 'uninspectable', reason: 'unsupported-type' },
  ],
});

describe('encrypted-attachment', () => {
  test.each<[string, Recipient[], AttachmentInspection | null, Policy, string[], string[]]>([
    ['a password ZIP to the outside (PPAP)', OUTSIDE, ENCRYPTED, DEFAULTS, ['encrypted-attachment:見積書.zip:4096'], ['confirm']],
    ['an encrypted member of an archive', OUTSIDE, WITH_ENCRYPTED_MEMBER, DEFAULTS, ['encrypted-attachment:見積書.zip:4096'], ['confirm']],
    ['inside only', INSIDE, ENCRYPTED, DEFAULTS, [], []],
    ['an inspected file', OUTSIDE, inspectedFile(ZIP.name, ZIP.size), DEFAULTS, [], []],
    ['pending is not encrypted', OUTSIDE, null, DEFAULTS, [], []],
    [
      'PPAP forbidden',
      OUTSIDE,
      ENCRYPTED,
      policyFrom({ encryptedAttachments: 'block' }),
      ['encrypted-attachment:見積書.zip:4096'],
      ['block'],
    ],
    ['shown only', OUTSIDE, ENCRYPTED, policyFrom({ encryptedAttachments: 'info' }), ['encrypted-attachment:見積書.zip:4096'], ['info']],
    ['allowed', OUTSIDE, ENCRYPTED, policyFrom({ encryptedAttachments: 'allow' }), [], []],
  ])('%s', (_name, to, entry, policy, expectedIds, severities) => {
    const findings = run(to, entry, policy);
    expect(ids(findings)).toEqual(expectedIds);
    expect(findings.map((finding) => finding.severity)).toEqual(severities);
  });

  test('no inspection, no findings', () => {
    expect(runRule(encryptedAttachmentRule, message({ to: OUTSIDE, attachments: [ZIP] }), DEFAULTS)).toEqual([]);
  });

  test('a whole encrypted file and its reason', () => {
    expect(run(OUTSIDE, ENCRYPTED)).toEqual([
      {
        id: 'encrypted-attachment:見積書.zip:4096',
        rule: 'encrypted-attachment',
        severity: 'confirm',
        targets: [{ kind: 'attachment', name: '見積書.zip', size: 4096 }],
        messageKey: 'finding.encrypted-attachment',
        params: { name: '見積書.zip', size: 4096, reason: 'zip-encrypted', parts: '' },
      },
    ]);
  });

  test('encrypted members are named; unreadable ones are left to uninspectable-attachment', () => {
    const [finding] = run(OUTSIDE, WITH_ENCRYPTED_MEMBER);
    expect(finding).toMatchObject({
      messageKey: 'finding.encrypted-attachment.member',
      params: { parts: 'entry:給与.xlsx', reason: 'zip-encrypted' },
    });
  });

  test('an inline image is part of the body', () => {
    const inline = { ...ZIP, inline: true };
    expect(run(OUTSIDE, ENCRYPTED, DEFAULTS, [inline])).toEqual([]);
  });
});

describe("encrypted-attachment and the review pane's ZIPs", () => {
  const inspection: InspectionSummary = { attachments: [ENCRYPTED] };
  const protectionOf = (zips: ProtectionState['zips']): ProtectionState => ({ zips, links: [] });
  const CLEAN_MEMBERS = inspectedFile(ZIP.name, ZIP.size, {});
  const ENCRYPTED_MEMBER = inspectedFile(ZIP.name, ZIP.size, {
    unread: [{ where: 'entry:給与.xlsx', status: 'encrypted', reason: 'office-encrypted' }],
  });

  test.each<[string, ProtectionState | undefined, string[]]>([
    ['no protection record: PPAP pattern', undefined, ['encrypted-attachment:見積書.zip:4096']],
    [
      'the pane made this ZIP of readable files: its members stand for it, not its own encryption',
      protectionOf([{ name: ZIP.name, size: ZIP.size, method: 'aes256', inspection: CLEAN_MEMBERS }]),
      [],
    ],
    [
      'a ZipCrypto ZIP the pane made',
      protectionOf([{ name: ZIP.name, size: ZIP.size, method: 'zipcrypto', inspection: CLEAN_MEMBERS }]),
      [],
    ],
    [
      'the pane made it of an encrypted file: that member is flagged',
      protectionOf([{ name: ZIP.name, size: ZIP.size, method: 'aes256', inspection: ENCRYPTED_MEMBER }]),
      ['encrypted-attachment:見積書.zip:4096'],
    ],
    [
      "a record without its members' inspection: the ZIP is what it reads as",
      protectionOf([{ name: ZIP.name, size: ZIP.size, method: 'aes256' }]),
      ['encrypted-attachment:見積書.zip:4096'],
    ],
    [
      "same name, other size: not the pane's",
      protectionOf([{ name: ZIP.name, size: ZIP.size + 1, method: 'aes256', inspection: CLEAN_MEMBERS }]),
      ['encrypted-attachment:見積書.zip:4096'],
    ],
    [
      "other name, same size: not the pane's",
      protectionOf([{ name: '別.zip', size: ZIP.size, method: 'aes256', inspection: CLEAN_MEMBERS }]),
      ['encrypted-attachment:見積書.zip:4096'],
    ],
  ])('%s', (_name, protection, expectedIds) => {
    const findings = runRule(encryptedAttachmentRule, message({ to: OUTSIDE, attachments: [ZIP] }), DEFAULTS, inspection, protection);
    expect(ids(findings)).toEqual(expectedIds);
  });

  test('the encrypted member of a pane ZIP is named with its own reason', () => {
    const protection = protectionOf([{ name: ZIP.name, size: ZIP.size, method: 'aes256', inspection: ENCRYPTED_MEMBER }]);
    const [finding] = runRule(encryptedAttachmentRule, message({ to: OUTSIDE, attachments: [ZIP] }), DEFAULTS, inspection, protection);
    expect(finding).toMatchObject({
      messageKey: 'finding.encrypted-attachment.member',
      params: { parts: 'entry:給与.xlsx', reason: 'office-encrypted' },
    });
  });
});
