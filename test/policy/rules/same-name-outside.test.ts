import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classifyRecipients } from '../../../src/policy/classify.js';
import { normalizeAddress } from '../../../src/policy/domain.js';
import { displayNameSpoofRule } from '../../../src/policy/rules/display-name-spoof.js';
import { personNameKey, sameNameOutsideRule } from '../../../src/policy/rules/same-name-outside.js';
import type { Finding, MessageSnapshot, Person, Recipient } from '../../../src/policy/types.js';
import { POLICY, ids, message, policyFrom, runRule } from '../fixtures.js';

const FROM: Person = { address: 'taro@example.co.jp', name: '山田 太郎' };
const HANAKO_INSIDE: Recipient = { address: 'hanako.sato@example.co.jp', name: 'Hanako Sato' };

function run(snapshot: MessageSnapshot): string[] {
  return ids(runRule(sameNameOutsideRule, snapshot));
}

describe('same-name-outside', () => {
  test.each<[string, Recipient, Recipient, string[]]>([
    [
      'a colleague and an outside address with the same name',
      HANAKO_INSIDE,
      { address: 'hanako.sato@gmail.com', name: 'Hanako Sato' },
      ['same-name-outside:to:hanako.sato@gmail.com'],
    ],
    ['different names', HANAKO_INSIDE, { address: 'jiro@gmail.com', name: 'Jiro Suzuki' }, []],
    ['both inside', HANAKO_INSIDE, { address: 'h.sato@example.co.jp', name: 'Hanako Sato' }, []],
    [
      'both outside',
      { address: 'hanako@partner.co.jp', name: 'Hanako Sato' },
      { address: 'hanako.sato@gmail.com', name: 'Hanako Sato' },
      [],
    ],
    [
      'a trusted partner is still outside',
      HANAKO_INSIDE,
      { address: 'hanako@partner.co.jp', name: 'Hanako Sato' },
      ['same-name-outside:to:hanako@partner.co.jp'],
    ],
    [
      'case and width differ',
      HANAKO_INSIDE,
      { address: 'h@gmail.com', name: 'ＨＡＮＡＫＯ　ｓａｔｏ' },
      ['same-name-outside:to:h@gmail.com'],
    ],
    ['extra spaces', HANAKO_INSIDE, { address: 'h@gmail.com', name: '  Hanako   Sato ' }, ['same-name-outside:to:h@gmail.com']],
    ['family name first', HANAKO_INSIDE, { address: 'h@gmail.com', name: 'Sato Hanako' }, ['same-name-outside:to:h@gmail.com']],
    [
      'a directory form with a comma',
      HANAKO_INSIDE,
      { address: 'h@gmail.com', name: '"Sato, Hanako"' },
      ['same-name-outside:to:h@gmail.com'],
    ],
    [
      'a Japanese name with and without a space',
      { address: 'hanako@example.co.jp', name: '佐藤 花子' },
      { address: 'h@gmail.com', name: '佐藤花子' },
      ['same-name-outside:to:h@gmail.com'],
    ],
    [
      'an ideographic space',
      { address: 'hanako@example.co.jp', name: '佐藤花子' },
      { address: 'h@gmail.com', name: '佐藤\u3000花子' },
      ['same-name-outside:to:h@gmail.com'],
    ],
    [
      'half-width katakana',
      { address: 'hanako@example.co.jp', name: 'サトウ ハナコ' },
      { address: 'h@gmail.com', name: 'ｻﾄｳﾊﾅｺ' },
      ['same-name-outside:to:h@gmail.com'],
    ],
    ['another Japanese name', { address: 'hanako@example.co.jp', name: '佐藤 花子' }, { address: 'h@gmail.com', name: '佐藤 花美' }, []],
    [
      'the same family name only',
      { address: 'hanako@example.co.jp', name: 'Hanako Sato' },
      { address: 'h@gmail.com', name: 'Ichiro Sato' },
      [],
    ],
    [
      'one Latin word is too common',
      { address: 'support@example.co.jp', name: 'Support' },
      { address: 'support@vendor.com', name: 'Support' },
      [],
    ],
    ['an empty outside name', HANAKO_INSIDE, { address: 'h@gmail.com', name: '' }, []],
    ['no outside name', HANAKO_INSIDE, { address: 'h@gmail.com' }, []],
    ['an empty inside name', { address: 'a@example.co.jp', name: ' ' }, { address: 'h@gmail.com', name: ' ' }, []],
    ['an unresolved recipient', HANAKO_INSIDE, { address: '', name: 'Hanako Sato' }, []],
  ])('%s', (_name, inside, outside, expected) => {
    expect(run(message({ from: FROM, to: [inside, outside] }))).toEqual(expected);
  });

  test.each<[string, MessageSnapshot, Partial<Finding>]>([
    [
      "the sender's own name",
      message({ from: FROM, bcc: [{ address: 'taro.y@gmail.com', name: '山田太郎' }] }),
      {
        id: 'same-name-outside:bcc:taro.y@gmail.com',
        targets: [{ kind: 'recipient', address: 'taro.y@gmail.com', field: 'bcc' }],
        messageKey: 'finding.same-name-outside.sender',
        params: { name: '山田太郎', address: 'taro.y@gmail.com' },
      },
    ],
    [
      "a colleague's name",
      message({ from: FROM, to: [HANAKO_INSIDE], cc: [{ address: 'Hanako.Sato@Gmail.com', name: 'Hanako Sato' }] }),
      {
        id: 'same-name-outside:cc:hanako.sato@gmail.com',
        targets: [{ kind: 'recipient', address: 'Hanako.Sato@Gmail.com', field: 'cc' }],
        messageKey: 'finding.same-name-outside',
        params: { name: 'Hanako Sato', address: 'Hanako.Sato@Gmail.com', colleague: 'hanako.sato@example.co.jp' },
      },
    ],
  ])('%s: the finding is on the outside row and says whose name it is', (_name, snapshot, expected) => {
    expect(runRule(sameNameOutsideRule, snapshot)).toEqual([{ rule: 'same-name-outside', severity: 'confirm', ...expected }]);
  });

  test("the sender's name wins over a colleague's of the same name", () => {
    const findings = runRule(
      sameNameOutsideRule,
      message({
        from: FROM,
        to: [
          { address: 'taro@example.co.jp', name: '山田 太郎' },
          { address: 't@gmail.com', name: '山田 太郎' },
        ],
      }),
    );
    expect(findings.map((finding) => finding.messageKey)).toEqual(['finding.same-name-outside.sender']);
  });

  test('the sender writing to their own address is not reported, even when it is outside', () => {
    const from = { address: 'me@gmail.com', name: 'Taro Yamada' };
    expect(run(message({ from, to: [{ address: 'ME@gmail.com', name: 'Taro Yamada' }] }))).toEqual([]);
  });

  test('without internal domains only the sender counts', () => {
    const policy = policyFrom({});
    const snapshot = message({
      from: { address: 'taro@example.co.jp', name: 'Taro Yamada' },
      to: [HANAKO_INSIDE, { address: 'h@gmail.com', name: 'Hanako Sato' }, { address: 't@gmail.com', name: 'Yamada Taro' }],
    });
    expect(ids(runRule(sameNameOutsideRule, snapshot, policy))).toEqual(['same-name-outside:to:t@gmail.com']);
  });

  test('a sender without a name matches nothing', () => {
    const snapshot = message({ from: { address: 'taro@example.co.jp' }, to: [{ address: 'x@gmail.com', name: '' }] });
    expect(run(snapshot)).toEqual([]);
  });

  test('the severity comes from severities', () => {
    const policy = policyFrom({ internalDomains: ['example.co.jp'], severities: { 'same-name-outside': 'block' } });
    const snapshot = message({ to: [HANAKO_INSIDE, { address: 'h@gmail.com', name: 'Hanako Sato' }] });
    expect(runRule(sameNameOutsideRule, snapshot, policy).map((finding) => finding.severity)).toEqual(['block']);
  });

  test('an address as the name is left to display-name-spoof, so it is reported once', () => {
    const snapshot = message({
      to: [
        { address: 'jiro@example.co.jp', name: 'jiro@example.co.jp' },
        { address: 'x@evil.com', name: 'jiro@example.co.jp' },
      ],
    });
    expect(run(snapshot)).toEqual([]);
    expect(ids(runRule(displayNameSpoofRule, snapshot))).toEqual(['display-name-spoof:to:x@evil.com']);
  });
});

describe('personNameKey', () => {
  test.each<[string, string | null]>([
    ['Hanako Sato', 'hanako sato'],
    ['Sato Hanako', 'hanako sato'],
    ['SATO,Hanako', 'hanako sato'],
    ['佐藤 花子', '佐藤花子'],
    ['ｻﾄｳ ﾊﾅｺ', 'サトウハナコ'],
    ['花', null],
    ['Hanako', null],
    ['', null],
    ['hanako@example.co.jp', null],
    ['Hanako Sato <hanako@example.co.jp>', null],
  ])('%s', (name, expected) => {
    expect(personNameKey(name)).toBe(expected);
  });
});

describe('same-name-outside on random messages', () => {
  // The rule as docs/policy.md defines it, one recipient after another: an outside recipient with a
  // domain, not the sender's own address, whose person key is the sender's or an internal recipient's.
  function defined(snapshot: MessageSnapshot): Pick<Finding, 'id' | 'messageKey' | 'params'>[] {
    const recipients = classifyRecipients(snapshot, POLICY);
    const senderKey = personNameKey(snapshot.from?.name ?? '');
    const senderAddress = snapshot.from === undefined ? null : normalizeAddress(snapshot.from.address);
    const colleagues = new Map<string, string>();
    for (const entry of recipients) {
      const key = personNameKey(entry.recipient.name ?? '');
      if (entry.internal && key !== null && !colleagues.has(key)) colleagues.set(key, entry.recipient.address);
    }
    return recipients.flatMap((entry) => {
      const key = personNameKey(entry.recipient.name ?? '');
      if (entry.internal || entry.domain === null || entry.normalized === senderAddress || key === null) return [];
      const colleague = colleagues.get(key);
      if (key !== senderKey && colleague === undefined) return [];
      const params = { name: entry.recipient.name ?? '', address: entry.recipient.address };
      return [
        {
          id: `same-name-outside:${entry.field}:${entry.key}`,
          messageKey: key === senderKey ? 'finding.same-name-outside.sender' : 'finding.same-name-outside',
          params: key === senderKey ? params : { ...params, colleague: colleague ?? '' },
        },
      ];
    });
  }

  test('finds what the definition finds, in recipient order', () => {
    const address = fc.constantFrom('a@example.co.jp', 'b@example.co.jp', 'a@gmail.com', 'c@partner.co.jp', 'taro@example.co.jp', 'x@', '');
    const name = fc.constantFrom('Hanako Sato', 'Sato Hanako', '山田 太郎', '山田太郎', 'Support', 'Jiro Suzuki', '');
    const recipient = fc.record({ address, name });
    const snapshot = fc
      .record({ to: fc.array(recipient, { maxLength: 6 }), cc: fc.array(recipient, { maxLength: 6 }), from: fc.record({ address, name }) })
      .map((parts) => message(parts));
    fc.assert(
      fc.property(snapshot, (written) => {
        const found = runRule(sameNameOutsideRule, written).map(({ id, messageKey, params }) => ({ id, messageKey, params }));
        expect(found).toEqual(defined(written));
      }),
      { numRuns: 1000 },
    );
  });
});
