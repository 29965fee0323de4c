import { describe, expect, test } from 'vitest';
import { personalMailDomainRule } from '../../../src/policy/rules/personal-mail-domain.js';
import type { AttachmentSnapshot, InspectionSummary, Recipient } from '../../../src/policy/types.js';
import { ids, message, people, policyFrom, POLICY, runRule, tally } from '../fixtures.js';

const FILE: AttachmentSnapshot = { name: '顧客一覧.xlsx', size: 2048, inline: false };
const IMAGE: AttachmentSnapshot = { name: 'logo.png', size: 100, inline: true };
const BLOCKING = policyFrom({ internalDomains: ['example.co.jp'], personalMailDomains: { withAttachments: 'block' } });

describe('personal-mail-domain', () => {
  test.each<[string, Recipient[], string[]]>([
    ['a Gmail address', people('hanako@gmail.com'), ['personal-mail-domain:hanako@gmail.com']],
    [
      'a carrier address and a carrier subdomain',
      people('a@docomo.ne.jp', 'b@biz.ezweb.ne.jp'),
      ['personal-mail-domain:a@docomo.ne.jp', 'personal-mail-domain:b@biz.ezweb.ne.jp'],
    ],
    ['case and full-width forms', people('Hanako@ＧＭＡＩＬ.com'), ['personal-mail-domain:Hanako@ＧＭＡＩＬ.com']],
    ['a company domain', people('tanaka@partner.co.jp'), []],
    ['a look-alike of a free-mail domain is not one', people('a@gmail.com.evil.example', 'b@notgmail.com'), []],
    ['an internal recipient', people('me@example.co.jp'), []],
  ])('%s', (_name, to, expected) => {
    expect(ids(runRule(personalMailDomainRule, message({ to })))).toEqual(expected);
  });

  test('says which kind of mailbox, on the recipient, with the policy severity', () => {
    const findings = runRule(personalMailDomainRule, message({ cc: people('a@icloud.com', 'b@softbank.ne.jp') }));
    expect(findings.map((finding) => [finding.messageKey, finding.severity, finding.targets])).toEqual([
      ['finding.personal-mail-domain.free-mail', 'confirm', [{ kind: 'recipient', address: 'a@icloud.com', field: 'cc' }]],
      ['finding.personal-mail-domain.mobile-carrier', 'confirm', [{ kind: 'recipient', address: 'b@softbank.ne.jp', field: 'cc' }]],
    ]);
  });

  test('the policy adds and takes out domains', () => {
    const policy = policyFrom({ personalMailDomains: { add: ['home.example.net'], remove: ['icloud.com'] } });
    const findings = runRule(personalMailDomainRule, message({ to: people('a@mail.home.example.net', 'b@icloud.com') }), policy);
    expect(ids(findings)).toEqual(['personal-mail-domain:a@mail.home.example.net']);
    expect(findings[0]?.messageKey).toBe('finding.personal-mail-domain.policy');
  });

  test.each<[string, AttachmentSnapshot[], InspectionSummary | undefined, string]>([
    ['no attachment, no personal data', [], undefined, 'confirm'],
    ['an inline image only', [IMAGE], undefined, 'confirm'],
    ['a file attached', [FILE], undefined, 'block'],
    ['personal data in the body', [], { body: { personalData: [tally('phone', 0, 1)] }, attachments: [] }, 'block'],
    ['an inspected body without personal data', [], { body: { personalData: [] }, attachments: [] }, 'confirm'],
  ])('withAttachments "block": %s gives %s', (_name, attachments, inspection, severity) => {
    const findings = runRule(personalMailDomainRule, message({ to: people('a@gmail.com'), attachments }), BLOCKING, inspection);
    expect(findings.map((finding) => finding.severity)).toEqual([severity]);
    expect(findings[0]?.messageKey).toBe(
      severity === 'block' ? 'finding.personal-mail-domain.carries-data' : 'finding.personal-mail-domain.free-mail',
    );
  });

  test('withAttachments "confirm" keeps the severity with a file, and severities can lower it', () => {
    expect(runRule(personalMailDomainRule, message({ to: people('a@gmail.com'), attachments: [FILE] }), POLICY)[0]?.severity).toBe(
      'confirm',
    );
    const quiet = policyFrom({ severities: { 'personal-mail-domain': 'info' } });
    expect(runRule(personalMailDomainRule, message({ to: people('a@gmail.com') }), quiet)[0]?.severity).toBe('info');
  });

  test('refuses a policy whose list entries are not domains, with their paths', () => {
    expect(() => policyFrom({ personalMailDomains: { add: ['not a domain'], withAttachments: 'maybe' } })).toThrow(
      /personalMailDomains\.add\[0\].*personalMailDomains\.withAttachments/,
    );
  });
});

describe('personal-mail-domain on a list with outside members', () => {
  const listing = (withAttachments: 'confirm' | 'block') =>
    policyFrom({
      internalDomains: ['example.co.jp'],
      mailingLists: [
        { address: 'fans@example.co.jp', externalDomains: ['partner.co.jp', 'gmail.com'] },
        { address: 'pj@example.co.jp', externalDomains: ['partner.co.jp'] },
      ],
      personalMailDomains: { withAttachments },
    });

  test('names the private-mail domain a list reaches, and not a list reaching only companies', () => {
    const findings = runRule(personalMailDomainRule, message({ to: people('fans@example.co.jp', 'pj@example.co.jp') }), listing('confirm'));
    expect(findings.map((finding) => [finding.id, finding.messageKey, finding.params, finding.severity])).toEqual([
      [
        'personal-mail-domain:fans@example.co.jp',
        'finding.personal-mail-domain.list',
        { address: 'fans@example.co.jp', domain: 'gmail.com' },
        'confirm',
      ],
    ]);
  });

  test('with a file and withAttachments "block" the list is stopped, saying why', () => {
    const findings = runRule(personalMailDomainRule, message({ to: people('fans@example.co.jp'), attachments: [FILE] }), listing('block'));
    expect(findings.map((finding) => [finding.messageKey, finding.severity])).toEqual([
      ['finding.personal-mail-domain.list-carries-data', 'block'],
    ]);
  });
});
