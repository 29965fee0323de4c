import { describe, expect, test } from 'vitest';
import { personalDataRule } from '../../../src/policy/rules/personal-data.js';
import type { AttachmentSnapshot, InspectionSummary, MessageSnapshot, Policy, Recipient } from '../../../src/policy/types.js';
import { ids, inspectedFile, message, people, policyFrom, runRule, tally } from '../fixtures.js';

const DEFAULTS = policyFrom({ internalDomains: ['example.co.jp'] });
const OUTSIDE = people('hanako@partner.co.jp');
const INSIDE = people('jiro@example.co.jp');
const LIST: AttachmentSnapshot = { name: '名簿.xlsx', size: 2048, inline: false };

function mail(to: Recipient[], attachments: AttachmentSnapshot[] = [LIST]): MessageSnapshot {
  return message({ to, attachments });
}

function inBody(...tallies: ReturnType<typeof tally>[]): InspectionSummary {
  return { body: { personalData: tallies }, attachments: [] };
}

function inList(...tallies: ReturnType<typeof tally>[]): InspectionSummary {
  return { attachments: [inspectedFile(LIST.name, LIST.size, { personalData: tallies })] };
}

describe('personal-data with the default thresholds', () => {
  test.each<[string, Recipient[], InspectionSummary, string[], string[]]>([
    ['nothing inspected', OUTSIDE, { attachments: [] }, [], []],
    [
      'one My Number in an attachment, outside',
      OUTSIDE,
      inList(tally('my-number', 1)),
      ['personal-data:my-number:attachment:名簿.xlsx:2048'],
      ['block'],
    ],
    ['one My Number in an attachment, inside only', INSIDE, inList(tally('my-number', 1)), [], []],
    ['a low-confidence My Number is not counted', OUTSIDE, inList(tally('my-number', 0, 5)), [], []],
    ['one card in the body', OUTSIDE, inBody(tally('payment-card', 1)), ['personal-data:payment-card:body'], ['block']],
    ['nine e-mail addresses', OUTSIDE, inBody(tally('email', 9)), [], []],
    ['ten e-mail addresses', OUTSIDE, inBody(tally('email', 10)), ['personal-data:email:body'], ['confirm']],
    ['ten phone numbers', OUTSIDE, inBody(tally('phone', 10)), ['personal-data:phone:body'], ['confirm']],
    ['ten addresses', OUTSIDE, inBody(tally('address', 10)), ['personal-data:address:body'], ['confirm']],
    ['four bank accounts (an invoice)', OUTSIDE, inBody(tally('bank-account', 4)), [], []],
    ['five bank accounts', OUTSIDE, inBody(tally('bank-account', 5)), ['personal-data:bank-account:body'], ['confirm']],
    ['corporate numbers are public', OUTSIDE, inBody(tally('corporate-number', 50)), [], []],
    ['postal codes are not counted', OUTSIDE, inBody(tally('postal-code', 50)), [], []],
    ['ten e-mail addresses inside only', INSIDE, inBody(tally('email', 10)), [], []],
    [
      'one inside and one outside recipient count as outside',
      [...INSIDE, ...OUTSIDE],
      inBody(tally('my-number', 1)),
      ['personal-data:my-number:body'],
      ['block'],
    ],
    [
      'each kind and location is its own finding, in kind order',
      OUTSIDE,
      {
        subject: { personalData: [tally('my-number', 1)] },
        body: { personalData: [tally('email', 12), tally('my-number', 2)] },
        attachments: [inspectedFile(LIST.name, LIST.size, { personalData: [tally('phone', 30)] })],
      },
      [
        'personal-data:my-number:subject',
        'personal-data:my-number:body',
        'personal-data:email:body',
        'personal-data:phone:attachment:名簿.xlsx:2048',
      ],
      ['block', 'block', 'confirm', 'confirm'],
    ],
    [
      'counts are per location, not added up',
      OUTSIDE,
      {
        body: { personalData: [tally('email', 5)] },
        attachments: [inspectedFile(LIST.name, LIST.size, { personalData: [tally('email', 5)] })],
      },
      [],
      [],
    ],
  ])('%s', (_name, to, inspection, expectedIds, severities) => {
    const findings = runRule(personalDataRule, mail(to), DEFAULTS, inspection);
    expect(ids(findings)).toEqual(expectedIds);
    expect(findings.map((finding) => finding.severity)).toEqual(severities);
  });

  test('no inspection, no findings', () => {
    expect(runRule(personalDataRule, mail(OUTSIDE), DEFAULTS)).toEqual([]);
  });

  test('a summary entry for an attachment no longer in the message is ignored', () => {
    const stale: InspectionSummary = { attachments: [inspectedFile('old.csv', 1, { personalData: [tally('my-number', 1)] })] };
    expect(runRule(personalDataRule, mail(OUTSIDE), DEFAULTS, stale)).toEqual([]);
  });

  test('an attachment attached twice is reported once', () => {
    const findings = runRule(personalDataRule, mail(OUTSIDE, [LIST, LIST]), DEFAULTS, inList(tally('my-number', 1)));
    expect(ids(findings)).toEqual(['personal-data:my-number:attachment:名簿.xlsx:2048']);
  });
});

describe('personal-data finding contents', () => {
  test('counts, where with the parts, and at most three masked samples', () => {
    const inspection = inList(tally('my-number', 4, 2, ['sheet:社員', 'sheet:扶養']));
    expect(runRule(personalDataRule, mail(OUTSIDE), DEFAULTS, inspection)).toEqual([
      {
        id: 'personal-data:my-number:attachment:名簿.xlsx:2048',
        rule: 'personal-data',
        severity: 'block',
        targets: [{ kind: 'attachment', name: '名簿.xlsx', size: 2048 }],
        messageKey: 'finding.personal-data.my-number.attachment',
        params: {
          kind: 'my-number',
          count: 4,
          high: 4,
          low: 2,
          atLeast: 1,
          where: '名簿.xlsx (sheet:社員, sheet:扶養)',
          parts: 'sheet:社員, sheet:扶養',
          samples: 'my-number-h1, my-number-h2, my-number-h3',
        },
      },
    ]);
  });

  test('a plain file is named without its part', () => {
    const [finding] = runRule(personalDataRule, mail(OUTSIDE), DEFAULTS, inList(tally('my-number', 1, 0, ['text'])));
    expect(finding?.params.where).toBe('名簿.xlsx');
  });

  test('subject and body findings point at their part', () => {
    const inspection: InspectionSummary = {
      subject: { personalData: [tally('my-number', 1)] },
      body: { personalData: [tally('my-number', 1)] },
      attachments: [],
    };
    const findings = runRule(personalDataRule, mail(OUTSIDE), DEFAULTS, inspection);
    expect(findings.map((finding) => [finding.messageKey, finding.targets])).toEqual([
      ['finding.personal-data.my-number.subject', [{ kind: 'message', part: 'subject' }]],
      ['finding.personal-data.my-number.body', [{ kind: 'message', part: 'body' }]],
    ]);
  });
});

describe("personal-data with the policy's own thresholds", () => {
  const POLICY: Policy = policyFrom({
    internalDomains: ['example.co.jp'],
    personalData: [
      { kind: 'email', recipients: 'external', atLeast: 10, action: 'confirm' },
      { kind: 'email', recipients: 'external', atLeast: 100, action: 'block' },
      { kind: 'email', recipients: 'internal', atLeast: 500, action: 'info' },
      { kind: 'phone', recipients: 'any', atLeast: 3, action: 'confirm', confidence: 'any' },
      { kind: 'my-number', recipients: 'internal', atLeast: 1, action: 'confirm' },
    ],
  });

  test.each<[string, Recipient[], InspectionSummary, string[], (string | number)[]]>([
    ['below every threshold', OUTSIDE, inBody(tally('email', 9)), [], []],
    ['the lower threshold', OUTSIDE, inBody(tally('email', 99)), ['confirm'], [10]],
    ['the strongest action reached wins', OUTSIDE, inBody(tally('email', 100)), ['block'], [100]],
    ['internal thresholds for internal mail', INSIDE, inBody(tally('email', 500)), ['info'], [500]],
    ['external thresholds do not apply inside', INSIDE, inBody(tally('email', 499)), [], []],
    ['any recipients: outside', OUTSIDE, inBody(tally('phone', 1, 2)), ['confirm'], [3]],
    ['any recipients: inside', INSIDE, inBody(tally('phone', 0, 3)), ['confirm'], [3]],
    ['My Number inside confirms', INSIDE, inBody(tally('my-number', 1)), ['confirm'], [1]],
    ['an internal-only entry does not apply outside', OUTSIDE, inBody(tally('my-number', 1)), [], []],
  ])('%s', (_name, to, inspection, severities, thresholds) => {
    const findings = runRule(personalDataRule, mail(to), POLICY, inspection);
    expect(findings.map((finding) => finding.severity)).toEqual(severities);
    expect(findings.map((finding) => finding.params.atLeast)).toEqual(thresholds);
  });

  test('counting low confidence shows low samples after the high ones', () => {
    const [finding] = runRule(personalDataRule, mail(OUTSIDE), POLICY, inBody(tally('phone', 1, 3)));
    expect(finding?.params).toMatchObject({ count: 4, samples: 'phone-h1, phone-l1, phone-l2' });
  });

  test('an empty list turns the check off', () => {
    const off = policyFrom({ personalData: [] });
    expect(runRule(personalDataRule, mail(OUTSIDE), off, inBody(tally('my-number', 9)))).toEqual([]);
  });
});
