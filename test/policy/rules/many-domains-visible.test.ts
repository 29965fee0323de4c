import { describe, expect, test } from 'vitest';
import { manyDomainsVisibleRule } from '../../../src/policy/rules/many-domains-visible.js';
import type { Recipient } from '../../../src/policy/types.js';
import { ids, message, people, policyFrom, runRule } from '../fixtures.js';

const policy = (bccSuggestThreshold: number) =>
  policyFrom({ internalDomains: ['example.co.jp'], trustedDomains: ['partner.co.jp'], bccSuggestThreshold });

describe('many-domains-visible', () => {
  test.each<[string, number, { to?: Recipient[]; cc?: Recipient[]; bcc?: Recipient[] }, boolean]>([
    ['below the threshold', 3, { to: people('a@one.com', 'b@two.com') }, false],
    ['at the threshold', 3, { to: people('a@one.com'), cc: people('b@two.com', 'c@three.com') }, true],
    ['the default threshold', 3, { to: people('a@one.com', 'b@two.com', 'c@three.com') }, true],
    ['same domain counted once', 3, { to: people('a@one.com', 'b@ONE.com', 'c@one.com.', 'd@two.com') }, false],
    ['subdomains are distinct domains', 2, { to: people('a@one.com', 'b@mail.one.com') }, true],
    ['internal domains do not count', 2, { to: people('a@one.com', 'b@example.co.jp', 'c@mail.example.co.jp') }, false],
    ['trusted partners count: they see the others too', 2, { to: people('a@one.com', 'b@partner.co.jp') }, true],
    ['Bcc is not visible', 2, { to: people('a@one.com'), bcc: people('b@two.com', 'c@three.com') }, false],
    ['unresolved recipients have no domain', 2, { to: people('a@one.com', 'Sales') }, false],
    ['0 turns it off', 0, { to: people('a@one.com', 'b@two.com', 'c@three.com') }, false],
    ['1 flags any external domain', 1, { cc: people('a@one.com') }, true],
    ['empty recipient lists', 1, {}, false],
  ])('%s', (_name, threshold, fields, expected) => {
    expect(ids(runRule(manyDomainsVisibleRule, message(fields), policy(threshold)))).toEqual(
      expected ? ['many-domains-visible:to-cc'] : [],
    );
  });

  test('never on a meeting request: it has no Bcc, and attendees always see each other', () => {
    const meeting = { ...message({ to: people('a@one.com', 'b@two.com', 'c@three.com') }), kind: 'meeting' as const };
    expect(runRule(manyDomainsVisibleRule, meeting, policy(2))).toEqual([]);
  });

  test('names every visible domain in Unicode and targets them in ASCII', () => {
    const snapshot = message({ to: people('a@例え.jp', 'b@two.com'), cc: people('c@three.com') });
    expect(runRule(manyDomainsVisibleRule, snapshot, policy(3))).toEqual([
      {
        id: 'many-domains-visible:to-cc',
        rule: 'many-domains-visible',
        severity: 'confirm',
        targets: [
          { kind: 'domain', domain: 'xn--r8jz45g.jp' },
          { kind: 'domain', domain: 'two.com' },
          { kind: 'domain', domain: 'three.com' },
        ],
        messageKey: 'finding.many-domains-visible',
        params: { count: 3, threshold: 3, domains: '例え.jp, two.com, three.com' },
      },
    ]);
  });
});
