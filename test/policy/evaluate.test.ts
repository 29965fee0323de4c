import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/policy/evaluate.js';
import type {
  AttachmentInspection,
  AttachmentSnapshot,
  MessageSnapshot,
  Policy,
  ProtectionState,
  RecipientType,
  Verdict,
} from '../../src/policy/types.js';
import { POLICY, message, people, policyFrom } from './fixtures.js';

const CONTEXT = {};
const REPORT: AttachmentSnapshot = { name: '見積書.xlsx', size: 18342, inline: false };
const LOGO: AttachmentSnapshot = { name: 'image001.png', size: 5120, inline: true };

function run(snapshot: MessageSnapshot, policy: Policy = POLICY): Verdict {
  return evaluate(snapshot, policy, CONTEXT);
}

function rules(verdict: Verdict): string[] {
  return verdict.findings.map((finding) => finding.rule);
}

describe('decision', () => {
  test.each<[string, MessageSnapshot, Policy, Verdict['decision']]>([
    ['empty recipient lists', message(), POLICY, 'allow'],
    [
      'internal only, every spelling',
      message({
        to: people('a@example.co.jp', 'B@MAIL.EXAMPLE.CO.JP.', 'c@ｅｘａｍｐｌｅ．ｃｏ．ｊｐ', 'd@xn--wgv71a119e.jp'),
        attachments: [REPORT],
      }),
      POLICY,
      'allow',
    ],
    [
      'internal only when internal mail is confirmed',
      message({ to: people('a@example.co.jp') }),
      policyFrom({ internalDomains: ['example.co.jp'], confirmInternalOnly: true }),
      'confirm',
    ],
    ['one external recipient', message({ to: people('a@evil.com') }), POLICY, 'confirm'],
    ['our domain inside a foreign one', message({ to: people('a@example.co.jp.evil.com') }), POLICY, 'block'],
    ['a trusted partner', message({ to: people('h@partner.co.jp') }), POLICY, 'confirm'],
    ['an internal mailing list', message({ to: [{ address: 'all@example.co.jp', type: 'distributionList' }] }), POLICY, 'confirm'],
    ['a look-alike of our domain', message({ to: people('a@examlpe.co.jp') }), POLICY, 'block'],
    [
      'a blocked recipient',
      message({ cc: people('x@rival.co.jp') }),
      policyFrom({ internalDomains: ['example.co.jp'], blockedRecipients: ['rival.co.jp'] }),
      'block',
    ],
    [
      'a block keyword in internal mail',
      message({ to: people('a@example.co.jp'), subject: '社外秘' }),
      policyFrom({ internalDomains: ['example.co.jp'], keywords: [{ term: '社外秘', action: 'block' }] }),
      'block',
    ],
    [
      'a warn keyword in internal mail',
      message({ to: people('a@example.co.jp'), subject: '見積' }),
      policyFrom({ internalDomains: ['example.co.jp'], keywords: [{ term: '見積' }] }),
      'confirm',
    ],
    [
      'an info-only rule does not ask',
      message({ to: people('a@example.co.jp'), subject: '見積' }),
      policyFrom({ internalDomains: ['example.co.jp'], keywords: [{ term: '見積' }], severities: { keyword: 'info' } }),
      'allow',
    ],
    [
      'external recipients set to info',
      message({ to: people('a@one.com') }),
      policyFrom({ internalDomains: ['example.co.jp'], severities: { 'external-recipient': 'info' } }),
      'allow',
    ],
    [
      'external set to block',
      message({ to: people('a@one.com') }),
      policyFrom({ internalDomains: ['example.co.jp'], severities: { 'external-recipient': 'block' } }),
      'block',
    ],
    [
      'an unprotected attachment when the policy blocks it',
      message({ to: people('a@one.com'), attachments: [REPORT] }),
      policyFrom({ internalDomains: ['example.co.jp'], attachments: { protection: { onUnprotected: 'block' } } }),
      'block',
    ],
    [
      'an unprotected attachment shown only',
      message({ to: people('a@example.co.jp'), attachments: [REPORT] }),
      policyFrom({ internalDomains: ['example.co.jp'], attachments: { protection: { internal: 'zip', onUnprotected: 'info' } } }),
      'allow',
    ],
    [
      'an unprotected internal attachment to confirm',
      message({ to: people('a@example.co.jp'), attachments: [REPORT] }),
      policyFrom({ internalDomains: ['example.co.jp'], attachments: { protection: { internal: 'link' } } }),
      'confirm',
    ],
  ])('%s', (_name, snapshot, policy, decision) => {
    expect(run(snapshot, policy).decision).toBe(decision);
  });

  test('empty recipient lists: nothing found, nothing to tick, nothing to do', () => {
    const verdict = run(message({ attachments: [REPORT] }));
    expect(verdict).toMatchObject({ decision: 'allow', findings: [], checklist: [], actions: [] });
    expect(verdict.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  test('block wins over confirm and leaves no checklist', () => {
    const verdict = run(message({ to: people('a@one.com', 'b@examlpe.co.jp'), attachments: [REPORT] }));
    expect(verdict.decision).toBe('block');
    expect(verdict.checklist).toEqual([]);
    expect(rules(verdict)).toEqual([
      'external-recipient',
      'external-recipient',
      'lookalike-domain',
      'attachment-to-external',
      'unprotected-attachment',
    ]);
  });
});

describe('checklist', () => {
  test('external recipients and file attachments are the rows, linked to their findings; by default an unprotected attachment is confirmed too', () => {
    const snapshot = message({
      to: people('jiro@example.co.jp', 'hanako@partner.co.jp'),
      cc: [{ address: 'Bob@One.com', name: 'Bob' }],
      attachments: [REPORT, LOGO],
    });
    expect(run(snapshot).checklist).toEqual([
      {
        id: 'recipient:to:hanako@partner.co.jp',
        kind: 'recipient',
        address: 'hanako@partner.co.jp',
        field: 'to',
        domain: 'partner.co.jp',
        external: true,
        findingIds: ['external-recipient:partner.co.jp'],
      },
      {
        id: 'recipient:cc:bob@one.com',
        kind: 'recipient',
        address: 'Bob@One.com',
        name: 'Bob',
        field: 'cc',
        domain: 'one.com',
        external: true,
        findingIds: ['external-recipient:one.com'],
      },
      {
        id: 'attachment:見積書.xlsx:18342',
        kind: 'attachment',
        name: '見積書.xlsx',
        size: 18342,
        findingIds: ['attachment-to-external:見積書.xlsx:18342', 'unprotected-attachment:見積書.xlsx:18342'],
      },
      {
        id: 'finding:unprotected-attachment:見積書.xlsx:18342',
        kind: 'finding',
        findingId: 'unprotected-attachment:見積書.xlsx:18342',
      },
    ]);
  });

  test('confirm findings other than the rows get their own item; info findings none', () => {
    const policy = policyFrom({
      internalDomains: ['example.co.jp'],
      keywords: [{ term: '見積' }],
      mailingLists: ['*-all@example.co.jp'],
      severities: { 'new-domain': 'info' },
    });
    const snapshot = message({
      to: people('sales-all@example.co.jp', 'bob@one.com'),
      originalRecipients: people('sales-all@example.co.jp'),
      subject: '見積',
    });
    const verdict = run(snapshot, policy);
    expect(rules(verdict)).toEqual(['external-recipient', 'mailing-list', 'keyword', 'new-domain']);
    expect(verdict.checklist.map((item) => item.id)).toEqual([
      'recipient:to:bob@one.com',
      'finding:mailing-list:to:sales-all@example.co.jp',
      'finding:keyword:subject:見積',
    ]);
    expect(verdict.checklist[0]).toMatchObject({ findingIds: ['external-recipient:one.com', 'new-domain:one.com'] });
  });

  test('a recipient row lists every finding about that recipient', () => {
    const policy = policyFrom({ internalDomains: ['example.co.jp'], attentionRecipients: ['one.com'] });
    const verdict = run(message({ cc: [{ address: 'bob@one.com', name: 'jiro@example.co.jp', type: 'other' }] }), policy);
    expect(verdict.checklist[0]).toMatchObject({
      id: 'recipient:cc:bob@one.com',
      findingIds: [
        'external-recipient:one.com',
        'mailing-list:cc:bob@one.com',
        'display-name-spoof:cc:bob@one.com',
        'attention-recipient:cc:bob@one.com',
      ],
    });
  });

  test('an unresolved recipient is a row (it may be external) and a finding', () => {
    const verdict = run(message({ to: [{ address: '', name: 'Sales Team' }] }));
    expect(verdict.checklist).toEqual([
      {
        id: 'recipient:to:name:sales team',
        kind: 'recipient',
        address: '',
        name: 'Sales Team',
        field: 'to',
        domain: '',
        external: true,
        findingIds: ['unresolved-recipient:to:name:sales team'],
      },
      { id: 'finding:unresolved-recipient:to:name:sales team', kind: 'finding', findingId: 'unresolved-recipient:to:name:sales team' },
    ]);
  });

  test('confirmInternalOnly puts internal recipients and attachments on the list', () => {
    const policy = policyFrom({ internalDomains: ['example.co.jp'], confirmInternalOnly: true });
    const verdict = run(message({ to: people('a@example.co.jp'), cc: people('b@example.co.jp'), attachments: [REPORT, LOGO] }), policy);
    expect(verdict.checklist).toEqual([
      {
        id: 'recipient:to:a@example.co.jp',
        kind: 'recipient',
        address: 'a@example.co.jp',
        field: 'to',
        domain: 'example.co.jp',
        external: false,
        findingIds: [],
      },
      {
        id: 'recipient:cc:b@example.co.jp',
        kind: 'recipient',
        address: 'b@example.co.jp',
        field: 'cc',
        domain: 'example.co.jp',
        external: false,
        findingIds: [],
      },
      { id: 'attachment:見積書.xlsx:18342', kind: 'attachment', name: '見積書.xlsx', size: 18342, findingIds: [] },
    ]);
  });

  test('a keyword in an attachment name links to that attachment row', () => {
    const policy = policyFrom({
      internalDomains: ['example.co.jp'],
      keywords: [{ term: '見積', where: ['attachment-name'] }],
      attachments: { protection: { external: 'none' } },
    });
    const verdict = run(message({ to: people('a@one.com'), attachments: [REPORT] }), policy);
    expect(verdict.checklist.find((item) => item.kind === 'attachment')).toMatchObject({
      findingIds: ['keyword:attachment-name:見積', 'attachment-to-external:見積書.xlsx:18342'],
    });
  });
});

describe('actions', () => {
  test('too many domains in To/Cc: move the external To/Cc addresses to Bcc', () => {
    const snapshot = message({
      to: people('jiro@example.co.jp', 'a@one.com', 'b@two.com'),
      cc: people('c@three.com', 'Sales Team'),
      bcc: people('d@four.com'),
    });
    expect(run(snapshot).actions).toEqual([{ kind: 'move-to-bcc', addresses: ['a@one.com', 'b@two.com', 'c@three.com'] }]);
  });

  test('below the threshold nothing is suggested', () => {
    expect(run(message({ to: people('a@one.com', 'b@two.com') })).actions).toEqual([]);
  });

  test('blocked and look-alike recipients: suggest removing each, in its field', () => {
    const policy = policyFrom({ internalDomains: ['example.co.jp'], blockedRecipients: ['rival.co.jp'] });
    const snapshot = message({ to: people('x@rival.co.jp', 'y@examlpe.co.jp'), bcc: people('y@examlpe.co.jp') });
    expect(run(snapshot, policy).actions).toEqual([
      { kind: 'remove-recipient', address: 'y@examlpe.co.jp', field: 'to' },
      { kind: 'remove-recipient', address: 'y@examlpe.co.jp', field: 'bcc' },
      { kind: 'remove-recipient', address: 'x@rival.co.jp', field: 'to' },
    ]);
  });
});

describe('fingerprint', () => {
  const base = message({
    to: people('jiro@example.co.jp', 'hanako@partner.co.jp'),
    cc: people('bob@one.com'),
    subject: 'ご連絡',
    attachments: [REPORT, { name: 'memo.txt', size: 12, inline: false }],
  });
  const fingerprint = (snapshot: MessageSnapshot, policy: Policy = POLICY) => run(snapshot, policy).fingerprint;

  test('is the same for the same content in another order or spelling', () => {
    const reordered = message({
      ...base,
      to: people('HANAKO@PARTNER.CO.JP', 'jiro@example.co.jp.', 'jiro@example.co.jp'),
      attachments: [...base.attachments].reverse(),
    });
    expect(fingerprint(reordered)).toBe(fingerprint(base));
  });

  test('ignores what a confirmation does not cover: subject, body, display names', () => {
    const edited = message({ ...base, subject: '再送', body: '本文', cc: [{ address: 'bob@one.com', name: 'Bob' }] });
    expect(fingerprint(edited)).toBe(fingerprint(base));
  });

  test.each<[string, MessageSnapshot, Policy]>([
    ['a recipient added', message({ ...base, bcc: people('eve@two.com') }), POLICY],
    ['a recipient removed', message({ ...base, cc: [] }), POLICY],
    ['a recipient moved from Cc to Bcc', message({ ...base, cc: [], bcc: people('bob@one.com') }), POLICY],
    ['a recipient changed', message({ ...base, cc: people('bob@one.co') }), POLICY],
    ['an attachment renamed', message({ ...base, attachments: [{ ...REPORT, name: '見積書 (2).xlsx' }, base.attachments[1]!] }), POLICY],
    ['an attachment resized', message({ ...base, attachments: [{ ...REPORT, size: 18343 }, base.attachments[1]!] }), POLICY],
    ['an attachment added', message({ ...base, attachments: [...base.attachments, LOGO] }), POLICY],
    [
      'a new finding (keyword in the subject)',
      message({ ...base, subject: '見積' }),
      policyFrom({ internalDomains: ['example.co.jp', '日本語.jp'], trustedDomains: ['partner.co.jp'], keywords: [{ term: '見積' }] }),
    ],
    [
      'the same message under a policy with other findings',
      base,
      policyFrom({ internalDomains: ['example.co.jp', 'one.com'], trustedDomains: ['partner.co.jp'] }),
    ],
  ])('changes when %s', (_name, snapshot, policy) => {
    expect(fingerprint(snapshot, policy)).not.toBe(fingerprint(base));
  });

  test('does not depend on the time passed in', () => {
    expect(evaluate(base, POLICY, {}).fingerprint).toBe(fingerprint(base));
  });

  test('is in the verdict however it is read: late, in its JSON, in a copy', () => {
    const expected = fingerprint(base);
    const unread = evaluate(base, POLICY, {});
    evaluate(message({ ...base, cc: people('eve@two.com') }), POLICY, {});
    expect((JSON.parse(JSON.stringify(unread)) as { fingerprint: string }).fingerprint).toBe(expected);
    expect({ ...evaluate(base, POLICY, {}) }.fingerprint).toBe(expected);
    expect(unread.fingerprint).toBe(expected);
  });
});

describe('every message gets a consistent verdict', () => {
  const address = fc.oneof(
    fc.constantFrom(
      'jiro@example.co.jp',
      'JIRO@MAIL.EXAMPLE.CO.JP.',
      'a@example.co.jp.evil.com',
      'h@partner.co.jp',
      'x@examlpe.co.jp',
      'y@еxample.co.jp',
      'z@日本語.jp',
      '"a@b"@example.co.jp',
      'a@ｅｘａｍｐｌｅ．ｃｏ．ｊｐ',
      '',
      'Sales Team',
    ),
    fc.string(),
    fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.domain()).map(([local, domain]) => `${local}@${domain}`),
  );
  const recipient = fc.record(
    {
      address,
      name: fc.oneof(fc.string(), fc.constant('jiro ＠ example.co.jp')),
      type: fc.constantFrom<RecipientType>('user', 'externalUser', 'distributionList', 'other'),
    },
    { requiredKeys: ['address'] },
  );
  const attachment = fc.record({ name: fc.string(), size: fc.nat(), inline: fc.boolean() });
  const snapshot = fc.record(
    {
      from: fc.record({ address }),
      to: fc.array(recipient, { maxLength: 4 }),
      cc: fc.array(recipient, { maxLength: 4 }),
      bcc: fc.array(recipient, { maxLength: 3 }),
      originalRecipients: fc.array(fc.record({ address }), { maxLength: 3 }),
      subject: fc.oneof(fc.string(), fc.constant('社外秘')),
      body: fc.string(),
      attachments: fc.array(attachment, { maxLength: 3 }),
    },
    { requiredKeys: ['to', 'cc', 'bcc', 'subject', 'body', 'attachments'] },
  );
  const policy = policyFrom({
    internalDomains: ['example.co.jp', '日本語.jp'],
    trustedDomains: ['partner.co.jp'],
    blockedRecipients: ['evil.com'],
    mailingLists: ['*-all@example.co.jp'],
    keywords: [{ term: '社外秘', action: 'block' }, { term: 'a' }],
    bccSuggestThreshold: 2,
  });

  test('total, unique ids, checklist only for confirm, links resolve, deterministic', () => {
    fc.assert(
      fc.property(snapshot, (input) => {
        const verdict = evaluate(input, policy, CONTEXT);
        const findingIds = verdict.findings.map((finding) => finding.id);
        expect(new Set(findingIds).size).toBe(findingIds.length);
        const itemIds = verdict.checklist.map((item) => item.id);
        expect(new Set(itemIds).size).toBe(itemIds.length);
        const blocked = verdict.findings.some((finding) => finding.severity === 'block');
        expect(verdict.decision).toBe(blocked ? 'block' : verdict.checklist.length > 0 ? 'confirm' : 'allow');
        if (verdict.decision !== 'confirm') expect(verdict.checklist).toEqual([]);
        for (const item of verdict.checklist) {
          const linked = item.kind === 'finding' ? [item.findingId] : item.findingIds;
          for (const id of linked) expect(findingIds).toContain(id);
        }
        expect(evaluate(input, policy, CONTEXT)).toEqual(verdict);
      }),
      { numRuns: 100 },
    );
  });
});

describe('evaluating again', () => {
  // A policy made anew shares no list and no store with the one evaluated before.
  const freshPolicy = (): Policy =>
    policyFrom({
      internalDomains: ['example.co.jp'],
      blockedRecipients: ['@leak.example'],
      attentionRecipients: ['legal@partner.co.jp'],
    });
  const policy = freshPolicy();
  const base = (): MessageSnapshot =>
    message({
      from: { address: 'taro@example.co.jp', name: 'Yamada Taro' },
      to: [
        { address: 'hanako@example.co.jp', name: 'Sato Hanako' },
        { address: 'bob@one.com', name: 'Bob Smith' },
      ],
      cc: [{ address: 'legal@partner.co.jp' }],
    });
  const changed: [string, MessageSnapshot][] = [
    ['the same recipients', base()],
    ['a blocked address added', message({ ...base(), bcc: people('x@leak.example') })],
    ['an outside name made a colleague’s', message({ ...base(), to: [base().to[0]!, { address: 'bob@one.com', name: 'Hanako Sato' }] })],
    ['the listed address moved out', message({ ...base(), cc: people('other@partner.co.jp') })],
    ['the first message again', base()],
  ];

  test.each(changed)('after a first message, %s give what a policy evaluating them first gives', (_name, snapshot) => {
    run(base(), policy);
    expect(run(snapshot, policy)).toEqual(run(snapshot, freshPolicy()));
  });
});

describe("a ZIP the review pane made decides what its members decided (docs/protection.md, 'Encrypted ZIP')", () => {
  const PAYROLL: AttachmentSnapshot = { name: '給与.xlsx', size: 3000, inline: false };
  const CUSTOMERS: AttachmentSnapshot = { name: '顧客.xlsx', size: 5000, inline: false };
  const ZIP: AttachmentSnapshot = { name: '資料.zip', size: 4096, inline: false };
  const MY_NUMBER = [
    { kind: 'my-number', high: 2, low: 0, highSamples: ['1234 **** 9018'], lowSamples: [], parts: ['sheet:顧客'] },
  ] as const;
  const strict = policyFrom({
    internalDomains: ['example.co.jp'],
    encryptedAttachments: 'block',
    uninspectableAttachments: 'block',
    attachments: { protection: { external: 'zip' } },
  });
  const outside = people('hanako@partner.example');
  const payroll: AttachmentInspection = { ...PAYROLL, status: 'encrypted', reason: 'office-encrypted', unread: [], personalData: [] };
  const customers: AttachmentInspection = { ...CUSTOMERS, status: 'inspected', reason: '', unread: [], personalData: MY_NUMBER };
  // What src/taskpane/protect-zip.ts combinedInspection makes of the two.
  const combined: AttachmentInspection = {
    ...ZIP,
    status: 'inspected',
    reason: '',
    unread: [{ where: 'entry:給与.xlsx', status: 'encrypted', reason: 'office-encrypted' }],
    personalData: MY_NUMBER,
  };
  const protection: ProtectionState = { zips: [{ ...ZIP, method: 'aes256', inspection: combined }], links: [] };
  const zipped = message({ to: outside, attachments: [ZIP] });
  const ruleIds = (verdict: Verdict) => [...new Set(rules(verdict))].sort();

  test('the originals are blocked for the encrypted file and the My Numbers', () => {
    const verdict = evaluate(message({ to: outside, attachments: [PAYROLL, CUSTOMERS] }), strict, {
      inspection: { attachments: [payroll, customers] },
    });
    expect(verdict.decision).toBe('block');
    expect(rules(verdict)).toEqual(expect.arrayContaining(['encrypted-attachment', 'personal-data']));
  });

  test.each<[string, readonly AttachmentInspection[]]>([
    ["the pane's combined entry in the cache", [combined]],
    [
      'the entry evicted from the cache (pending, cache-full)',
      [{ ...ZIP, status: 'pending', reason: 'cache-full', unread: [], personalData: [] }],
    ],
    ['the entry gone altogether', []],
    ['the AES ZIP inspected again as a file', [{ ...ZIP, status: 'encrypted', reason: 'zip-encrypted', unread: [], personalData: [] }]],
    [
      "the attachments handler's pending entry written over it",
      [{ ...ZIP, status: 'pending', reason: 'handler-format', unread: [], personalData: [] }],
    ],
  ])('the ZIP is blocked as they were, with %s', (_name, cache) => {
    const verdict = evaluate(zipped, strict, { inspection: { attachments: cache }, protection });
    expect(verdict.decision).toBe('block');
    expect(ruleIds(verdict)).toEqual(['attachment-to-external', 'encrypted-attachment', 'external-recipient', 'personal-data']);
    expect(verdict.findings.find((finding) => finding.rule === 'encrypted-attachment')?.params).toMatchObject({
      parts: 'entry:給与.xlsx',
      reason: 'office-encrypted',
    });
  });

  test('an unreadable member keeps uninspectable-attachment on the ZIP', () => {
    const unreadable: AttachmentInspection = {
      ...combined,
      unread: [{ where: 'entry:壊れ.xlsx', status: 'uninspectable', reason: 'corrupt' }],
      personalData: [],
    };
    const verdict = evaluate(zipped, strict, {
      inspection: { attachments: [] },
      protection: { zips: [{ ...ZIP, method: 'aes256', inspection: unreadable }], links: [] },
    });
    expect(verdict.decision).toBe('block');
    expect(verdict.findings.find((finding) => finding.rule === 'uninspectable-attachment')).toMatchObject({
      messageKey: 'finding.uninspectable-attachment.member',
      params: { parts: 'entry:壊れ.xlsx' },
    });
  });
});
