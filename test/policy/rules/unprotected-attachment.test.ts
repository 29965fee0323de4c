import { describe, expect, test } from 'vitest';
import { unprotectedAttachmentRule } from '../../../src/policy/rules/unprotected-attachment.js';
import type { AttachmentSnapshot, MessageSnapshot, Policy, ProtectionMode, ProtectionState, Severity } from '../../../src/policy/types.js';
import { ids, message, people, policyFrom, runRule } from '../fixtures.js';

const REPORT: AttachmentSnapshot = { name: '見積書.xlsx', size: 18342, inline: false };
const PLAN: AttachmentSnapshot = { name: '計画.pdf', size: 900, inline: false };
const LOGO: AttachmentSnapshot = { name: 'image001.png', size: 5120, inline: true };
const ZIP: AttachmentSnapshot = { name: '見積書.zip', size: 20480, inline: false };

const INSIDE = { to: people('jiro@example.co.jp') };
const OUTSIDE = { to: people('jiro@example.co.jp', 'hanako@partner.co.jp') };

function policyWith(protection: Record<string, unknown> = {}): Policy {
  return policyFrom({ internalDomains: ['example.co.jp'], trustedDomains: ['partner.co.jp'], attachments: { protection } });
}

const DEFAULTS = policyWith();
const RECORDED: ProtectionState = { zips: [{ name: ZIP.name, size: ZIP.size, method: 'aes256' }], links: [] };

function run(parts: Partial<MessageSnapshot>, policy: Policy = DEFAULTS, protection?: ProtectionState) {
  return runRule(unprotectedAttachmentRule, message(parts), policy, undefined, protection);
}

describe('unprotected-attachment: which class and which mode', () => {
  const modes: ProtectionMode[] = ['none', 'zip', 'link'];
  test.each(modes.flatMap((internal) => modes.map((external) => [internal, external] as const)))(
    'internal %s, external %s',
    (internal, external) => {
      const policy = policyWith({ internal, external });
      const expectedKey = (mode: ProtectionMode, recipientClass: string) =>
        mode === 'none' ? [] : [`finding.unprotected-attachment.${mode}.${recipientClass}`];
      const keys = (parts: Partial<MessageSnapshot>) =>
        run({ ...parts, attachments: [REPORT] }, policy).map((finding) => finding.messageKey);
      expect(keys(INSIDE)).toEqual(expectedKey(internal, 'internal'));
      expect(keys(OUTSIDE)).toEqual(expectedKey(external, 'external'));
    },
  );

  test.each<[string, Partial<MessageSnapshot>]>([
    ['an external Cc', { to: people('jiro@example.co.jp'), cc: people('a@one.com') }],
    ['an external Bcc', { to: people('jiro@example.co.jp'), bcc: people('a@one.com') }],
    ['a trusted partner is still external', { to: people('hanako@partner.co.jp') }],
    ['an unresolved recipient might be external', { to: [{ address: '', name: 'Sales Team' }] }],
    ['a subdomain look-alike is external', { to: people('a@example.co.jp.evil.com') }],
  ])('%s makes the message external', (_name, parts) => {
    expect(run({ ...parts, attachments: [REPORT] }).map((finding) => finding.messageKey)).toEqual([
      'finding.unprotected-attachment.link.external',
    ]);
  });

  test('the default: external mail needs a link, internal mail nothing', () => {
    expect(DEFAULTS.attachments.protection).toMatchObject({ internal: 'none', external: 'link' });
    expect(ids(run({ ...OUTSIDE, attachments: [REPORT] }))).toEqual(['unprotected-attachment:見積書.xlsx:18342']);
    expect(run({ ...INSIDE, attachments: [REPORT] })).toEqual([]);
  });
});

describe('unprotected-attachment: what satisfies the mode', () => {
  const ZIP_POLICY = policyWith({ external: 'zip' });
  const LINK_POLICY = policyWith({ external: 'link' });

  test.each<[string, AttachmentSnapshot[], Policy, ProtectionState | undefined, string[]]>([
    ['no attachments: nothing', [], ZIP_POLICY, undefined, []],
    ['no attachments under link: nothing (a link removed them)', [], LINK_POLICY, { zips: [], links: [{ packageId: 'p1', files: 2 }] }, []],
    ['inline images are part of the body', [LOGO], ZIP_POLICY, undefined, []],
    ['inline images under link', [LOGO], LINK_POLICY, undefined, []],
    ['zip: an unrecorded file', [REPORT], ZIP_POLICY, undefined, ['unprotected-attachment:見積書.xlsx:18342']],
    ['zip: the recorded ZIP', [ZIP], ZIP_POLICY, RECORDED, []],
    ['zip: the recorded ZIP and an inline logo', [ZIP, LOGO], ZIP_POLICY, RECORDED, []],
    ['zip: the recorded ZIP and a file added after', [ZIP, PLAN], ZIP_POLICY, RECORDED, ['unprotected-attachment:計画.pdf:900']],
    ['zip: same name, other size', [{ ...ZIP, size: ZIP.size + 1 }], ZIP_POLICY, RECORDED, ['unprotected-attachment:見積書.zip:20481']],
    [
      'zip: other name, same size',
      [{ ...ZIP, name: '見積書 (2).zip' }],
      ZIP_POLICY,
      RECORDED,
      ['unprotected-attachment:見積書 (2).zip:20480'],
    ],
    ['zip: a ZIP the user made is not recorded', [ZIP], ZIP_POLICY, { zips: [], links: [] }, ['unprotected-attachment:見積書.zip:20480']],
    [
      'zip: a ZipCrypto ZIP the pane made counts',
      [ZIP],
      ZIP_POLICY,
      { zips: [{ ...RECORDED.zips[0]!, method: 'zipcrypto' }], links: [] },
      [],
    ],
    [
      'zip: a link recorded does not cover a file still attached',
      [REPORT],
      ZIP_POLICY,
      { zips: [], links: [{ packageId: 'p1', files: 1 }] },
      ['unprotected-attachment:見積書.xlsx:18342'],
    ],
    ['link: even a recorded ZIP is an attachment', [ZIP], LINK_POLICY, RECORDED, ['unprotected-attachment:見積書.zip:20480']],
    [
      'link: every file, once each',
      [REPORT, PLAN, REPORT],
      LINK_POLICY,
      undefined,
      ['unprotected-attachment:見積書.xlsx:18342', 'unprotected-attachment:計画.pdf:900'],
    ],
  ])('%s', (_name, attachments, policy, protection, expected) => {
    expect(ids(run({ ...OUTSIDE, attachments }, policy, protection))).toEqual(expected);
  });
});

describe('unprotected-attachment: severity and finding', () => {
  test.each<Severity>(['info', 'confirm', 'block'])('onUnprotected %s', (onUnprotected) => {
    const findings = run({ ...OUTSIDE, attachments: [REPORT] }, policyWith({ onUnprotected }));
    expect(findings.map((finding) => finding.severity)).toEqual([onUnprotected]);
  });

  test('targets the attachment by name and size', () => {
    expect(run({ ...OUTSIDE, attachments: [REPORT] }, policyWith({ external: 'zip' }))).toEqual([
      {
        id: 'unprotected-attachment:見積書.xlsx:18342',
        rule: 'unprotected-attachment',
        severity: 'confirm',
        targets: [{ kind: 'attachment', name: '見積書.xlsx', size: 18342 }],
        messageKey: 'finding.unprotected-attachment.zip.external',
        params: { name: '見積書.xlsx', size: 18342 },
      },
    ]);
  });
});
