import { describe, expect, test } from 'vitest';
import { dialogConfirmation } from '../../src/policy/dialog-confirm.js';
import { evaluate } from '../../src/policy/evaluate.js';
import { parsePolicy } from '../../src/policy/parse-policy.js';
import type { AttachmentSnapshot, InspectionSummary, MessageSnapshot } from '../../src/policy/types.js';
import { message, people, policyFrom } from './fixtures.js';

const BASE = { internalDomains: ['example.co.jp'], trustedDomains: ['partner.co.jp'], bccSuggestThreshold: 0 };
/** Lists are confirmed in the dialog only when the policy lets mailing-list findings be. */
const LISTS = { dialogConfirm: { rules: ['external-recipient', 'mailing-list'] } };
const PDF: AttachmentSnapshot = { name: '見積書.pdf', size: 1000, inline: false };

function dialogFor(snapshot: MessageSnapshot, document: Record<string, unknown> = {}, inspection?: InspectionSummary) {
  const policy = policyFrom({ ...BASE, ...document });
  const verdict = evaluate(snapshot, policy, { ...(inspection === undefined ? {} : { inspection }) });
  return dialogConfirmation(verdict, policy);
}

describe('dialogConfirmation', () => {
  test.each<[string, MessageSnapshot, Record<string, unknown>, readonly string[] | null]>([
    ['one trusted recipient', message({ to: people('hanako@partner.co.jp') }), {}, ['hanako@partner.co.jp']],
    [
      'three trusted recipients',
      message({ to: people('a@partner.co.jp', 'b@partner.co.jp'), cc: people('c@sub.partner.co.jp') }),
      {},
      ['a@partner.co.jp', 'b@partner.co.jp', 'c@sub.partner.co.jp'],
    ],
    [
      'four trusted recipients: over the bound',
      message({ to: people('a@partner.co.jp', 'b@partner.co.jp', 'c@partner.co.jp', 'd@partner.co.jp') }),
      {},
      null,
    ],
    ['an untrusted domain', message({ to: people('someone@newclient.example') }), {}, null],
    [
      'an untrusted domain when trust is not asked',
      message({ to: people('someone@newclient.example') }),
      { dialogConfirm: { trustedDomainsOnly: false } },
      ['someone@newclient.example'],
    ],
    ['internal only: nothing to confirm', message({ to: people('jiro@example.co.jp') }), {}, null],
    ['an attachment going outside', message({ to: people('hanako@partner.co.jp'), attachments: [PDF] }), {}, null],
    [
      'an attachment when its rule is listed',
      message({ to: people('hanako@partner.co.jp'), attachments: [PDF] }),
      { dialogConfirm: { rules: ['external-recipient', 'attachment-to-external'] }, attachments: { protection: { external: 'none' } } },
      ['hanako@partner.co.jp'],
    ],
    [
      'a keyword to watch',
      message({ to: people('hanako@partner.co.jp'), subject: '見積' }),
      { keywords: [{ term: '見積', action: 'warn', where: ['subject'] }] },
      null,
    ],
    ['turned off', message({ to: people('hanako@partner.co.jp') }), { dialogConfirm: { maxExternalRecipients: 0 } }, null],
    [
      'a blocked recipient',
      message({ to: people('hanako@partner.co.jp', 'x@blocked.example') }),
      { blockedRecipients: ['blocked.example'] },
      null,
    ],
    [
      'a list reaching a trusted domain',
      message({ to: people('pj@example.co.jp') }),
      { ...LISTS, mailingLists: [{ address: 'pj@example.co.jp', externalDomains: ['partner.co.jp'] }] },
      ['pj@example.co.jp'],
    ],
    [
      'a list reaching an untrusted domain',
      message({ to: people('pj@example.co.jp') }),
      { ...LISTS, mailingLists: [{ address: 'pj@example.co.jp', externalDomains: ['partner.co.jp', 'vendor.example'] }] },
      null,
    ],
    [
      'a list whose members are not known',
      message({ to: [{ address: 'team@example.co.jp', type: 'distributionList' }] }),
      {
        ...LISTS,
        unknownLists: 'treat-as-external',
        dialogConfirm: { rules: ['external-recipient', 'mailing-list'], trustedDomainsOnly: false },
      },
      null,
    ],
    [
      'per domain, one tick for both',
      message({ to: people('a@partner.co.jp', 'b@partner.co.jp') }),
      { confirmPer: 'domain' },
      ['a@partner.co.jp', 'b@partner.co.jp'],
    ],
  ])('%s', (_case, snapshot, document, expected) => {
    expect(dialogFor(snapshot, document)?.addresses ?? null).toEqual(expected);
  });

  test('personal data always goes to the pane, even below its threshold action', () => {
    const inspection: InspectionSummary = {
      body: { personalData: [{ kind: 'phone', high: 12, low: 0, highSamples: [], lowSamples: [], parts: ['body'] }] },
      attachments: [],
    };
    const snapshot = message({ to: people('hanako@partner.co.jp') });
    expect(
      dialogFor(snapshot, { personalData: [{ kind: 'phone', recipients: 'external', atLeast: 10, action: 'confirm' }] }, inspection),
    ).toBeNull();
    expect(dialogFor(snapshot, { personalData: [] }, inspection)?.addresses).toEqual(['hanako@partner.co.jp']);
  });
});

describe('dialogConfirm and confirmPer in the policy', () => {
  test('defaults', () => {
    const policy = policyFrom({});
    expect(policy.dialogConfirm).toEqual({ rules: ['external-recipient'], trustedDomainsOnly: true, maxExternalRecipients: 3 });
    expect(policy.confirmPer).toBe('recipient');
  });

  test.each<[string, unknown, string, string]>([
    [
      'personal data cannot be confirmed in the dialog',
      { dialogConfirm: { rules: ['personal-data'] } },
      '$.dialogConfirm.rules[0]',
      'review pane',
    ],
    [
      'unprotected attachments neither',
      { dialogConfirm: { rules: ['external-recipient', 'unprotected-attachment'] } },
      '$.dialogConfirm.rules[1]',
      'review pane',
    ],
    [
      'nor first-time recipients, which the dialog could never record',
      { dialogConfirm: { rules: ['external-recipient', 'first-time-recipient'] } },
      '$.dialogConfirm.rules[1]',
      'review pane',
    ],
    ['an unknown rule', { dialogConfirm: { rules: ['external-recipients'] } }, '$.dialogConfirm.rules[0]', 'must be one of'],
    [
      'too many recipients for the dialog',
      { dialogConfirm: { maxExternalRecipients: 11 } },
      '$.dialogConfirm.maxExternalRecipients',
      'out of range',
    ],
    [
      'a misspelt key',
      { dialogConfirm: { trustedDomainOnly: true } },
      '$.dialogConfirm.trustedDomainOnly',
      'did you mean "trustedDomainsOnly"',
    ],
    ['an unknown confirmPer', { confirmPer: 'company' }, '$.confirmPer', '"recipient", "domain"'],
  ])('%s', (_case, document, path, text) => {
    const result = parsePolicy(document);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = result.problems.find((entry) => entry.path === path);
    expect(problem?.message).toContain(text);
  });
});

describe('confirmPer "domain" on the checklist', () => {
  test('one item per outside domain covers its recipients; internal and domainless ones keep their own', () => {
    const policy = policyFrom({ ...BASE, confirmPer: 'domain' });
    const snapshot = message({
      to: people('a@partner.co.jp', 'b@other.example', 'c@partner.co.jp'),
      cc: people('jiro@example.co.jp', 'Unresolved Name'),
    });
    const verdict = evaluate(snapshot, policy, {});
    const items = verdict.checklist.filter((item) => item.kind === 'domain' || item.kind === 'recipient');
    expect(
      items.map((item) =>
        item.kind === 'domain'
          ? `domain:${item.domain}:${item.recipients.map((entry) => entry.address).join('+')}`
          : `recipient:${item.address}`,
      ),
    ).toEqual([
      'recipient:Unresolved Name',
      'domain:partner.co.jp:a@partner.co.jp+c@partner.co.jp',
      'domain:other.example:b@other.example',
    ]);
    // The fingerprint is of what is sent, not of how it is ticked.
    expect(verdict.fingerprint).toBe(evaluate(snapshot, policyFrom(BASE), {}).fingerprint);
  });
});
