import { describe, expect, test } from 'vitest';
import { newDomainRule } from '../../../src/policy/rules/new-domain.js';
import type { Person, Recipient } from '../../../src/policy/types.js';
import { ids, message, people, runRule } from '../fixtures.js';

describe('new-domain', () => {
  test.each<[string, Person[] | undefined, Recipient[], string[]]>([
    ['a new message is never checked', undefined, people('a@one.com'), []],
    ['a reply to the same domain', people('a@one.com'), people('b@one.com'), []],
    ['a reply adding a domain', people('a@one.com'), people('a@one.com', 'c@two.com'), ['new-domain:two.com']],
    ['case, root dot and full-width forms are the same domain', people('a@ONE.COM.'), people('b@ｏｎｅ．ｃｏｍ'), []],
    ['IDN and punycode are the same domain', people('a@例え.jp'), people('b@xn--r8jz45g.jp'), []],
    ['a subdomain of an original domain is new', people('a@one.com'), people('b@mail.one.com'), ['new-domain:mail.one.com']],
    ['internal domains are never new', people('a@one.com'), people('b@example.co.jp', 'c@sub.example.co.jp'), []],
    ['a forward with no original recipients', [], people('a@one.com'), ['new-domain:one.com']],
    ['originals without an address are ignored', [{ address: '' }, { address: 'Sales' }], people('a@one.com'), ['new-domain:one.com']],
    ['a trusted partner added to a thread', people('a@one.com'), people('h@partner.co.jp'), ['new-domain:partner.co.jp']],
  ])('%s', (_name, originalRecipients, to, expected) => {
    const snapshot = message({ to, ...(originalRecipients === undefined ? {} : { originalRecipients }) });
    expect(ids(runRule(newDomainRule, snapshot))).toEqual(expected);
  });

  test('one finding per new domain, targeting its recipients in every field', () => {
    const snapshot = message({ originalRecipients: people('a@one.com'), to: people('x@two.com'), bcc: people('y@TWO.com') });
    expect(runRule(newDomainRule, snapshot)).toEqual([
      {
        id: 'new-domain:two.com',
        rule: 'new-domain',
        severity: 'confirm',
        targets: [
          { kind: 'recipient', address: 'x@two.com', field: 'to' },
          { kind: 'recipient', address: 'y@TWO.com', field: 'bcc' },
        ],
        messageKey: 'finding.new-domain',
        params: { domain: 'two.com', ascii: 'two.com' },
      },
    ]);
  });
});
