import { describe, expect, test } from 'vitest';
import { classifyRecipient, classifyRecipients } from '../../src/policy/classify.js';
import type { MessageSnapshot, Recipient } from '../../src/policy/types.js';
import { POLICY, message, people, policyFrom } from './fixtures.js';

describe('classifyRecipient', () => {
  test.each([
    ['lower case', 'taro@example.co.jp', 'example.co.jp', 'internal'],
    ['upper case', 'TARO@EXAMPLE.CO.JP', 'example.co.jp', 'internal'],
    ['a trailing root dot', 'taro@example.co.jp.', 'example.co.jp', 'internal'],
    ['a subdomain', 'taro@mail.example.co.jp', 'mail.example.co.jp', 'internal'],
    ['a deeper subdomain', 'taro@a.b.example.co.jp', 'a.b.example.co.jp', 'internal'],
    ['our domain inside a foreign one', 'taro@example.co.jp.evil.com', 'example.co.jp.evil.com', 'external'],
    ['our name as a suffix of a label', 'taro@notexample.co.jp', 'notexample.co.jp', 'external'],
    ['a hyphenated look-alike', 'taro@example-co.jp', 'example-co.jp', 'external'],
    ['the parent suffix', 'taro@co.jp', 'co.jp', 'external'],
    ['an IDN domain in Unicode', 'taro@日本語.jp', 'xn--wgv71a119e.jp', 'internal'],
    ['the same IDN domain in punycode', 'taro@xn--wgv71a119e.jp', 'xn--wgv71a119e.jp', 'internal'],
    ['the IDN domain in upper-case punycode', 'taro@XN--WGV71A119E.JP', 'xn--wgv71a119e.jp', 'internal'],
    ['full-width letters and dots', 'taro@ｅｘａｍｐｌｅ．ｃｏ．ｊｐ', 'example.co.jp', 'internal'],
    ['a quoted local part holding @', '"a@b"@example.co.jp', 'example.co.jp', 'internal'],
    ['a quoted local part naming our domain', '"taro@example.co.jp"@evil.com', 'evil.com', 'external'],
    ['a trusted partner', 'hanako@partner.co.jp', 'partner.co.jp', 'trusted'],
    ['a trusted partner subdomain', 'hanako@jp.partner.co.jp', 'jp.partner.co.jp', 'trusted'],
    ['spaces around the address', '  taro@example.co.jp  ', 'example.co.jp', 'internal'],
  ])('%s: %s', (_name, address, domain, kind) => {
    const entry = classifyRecipient({ address }, 'to', POLICY);
    expect(entry.domain).toBe(domain);
    expect({ internal: entry.internal, trusted: entry.trusted, external: entry.external }).toEqual({
      internal: kind === 'internal',
      trusted: kind === 'trusted',
      external: kind !== 'internal',
    });
  });

  test.each([
    ['an empty address', ''],
    ['a display name only', 'Sales Team'],
    ['a single-label domain', 'taro@localhost'],
    ['nothing after @', 'taro@'],
    ['nothing before @', '@example.co.jp'],
    ['an invalid character in the domain', 'taro@exa mple.co.jp'],
    ['an X.500 address', '/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=taro'],
  ])('%s has no domain and counts as external', (_name, address) => {
    const entry = classifyRecipient({ address }, 'cc', POLICY);
    expect(entry).toMatchObject({ normalized: null, domain: null, internal: false, trusted: false, external: true });
  });

  test('a trusted domain inside an internal one is internal', () => {
    const policy = policyFrom({ internalDomains: ['example.co.jp'], trustedDomains: ['sub.example.co.jp'] });
    expect(classifyRecipient({ address: 'a@sub.example.co.jp' }, 'to', policy)).toMatchObject({
      internal: true,
      trusted: false,
    });
  });
});

describe('classifyRecipients', () => {
  test('empty recipient lists give no recipients', () => {
    expect(classifyRecipients(message(), POLICY)).toEqual([]);
  });

  test('To, Cc, Bcc order; the same address twice in a field counts once, in two fields twice', () => {
    const snapshot = message({
      to: people('a@example.co.jp', 'A@EXAMPLE.CO.JP.'),
      cc: people('a@example.co.jp'),
      bcc: people('b@evil.com'),
    });
    expect(classifyRecipients(snapshot, POLICY).map((entry) => [entry.field, entry.key])).toEqual([
      ['to', 'a@example.co.jp'],
      ['cc', 'a@example.co.jp'],
      ['bcc', 'b@evil.com'],
    ]);
  });

  test('recipients without an address stay apart by display name', () => {
    const snapshot = message({
      to: [
        { address: '', name: 'Sales' },
        { address: '', name: 'Support' },
      ],
    });
    expect(classifyRecipients(snapshot, POLICY).map((entry) => entry.key)).toEqual(['name:sales', 'name:support']);
  });

  test('the same recipients again give the same entries; any change in address, name, type or field is classified anew', () => {
    const recipients = (): Recipient[] => [{ address: 'a@evil.com', name: 'A', type: 'externalUser' }, { address: 'b@example.co.jp' }];
    const first = classifyRecipients(message({ to: recipients() }), POLICY);
    expect(classifyRecipients(message({ to: recipients() }), POLICY)).toBe(first);
    const changes: Partial<MessageSnapshot>[] = [
      { to: [{ address: 'a@example.co.jp', name: 'A', type: 'externalUser' }, { address: 'b@example.co.jp' }] },
      { to: [{ address: 'a@evil.com', name: 'B', type: 'externalUser' }, { address: 'b@example.co.jp' }] },
      { to: [{ address: 'a@evil.com', name: 'A', type: 'distributionList' }, { address: 'b@example.co.jp' }] },
      { cc: recipients() },
      { to: recipients().slice(0, 1) },
    ];
    for (const change of changes) {
      const snapshot = message(change);
      const fresh = [...snapshot.to, ...snapshot.cc].map((recipient, index) => ({
        ...classifyRecipient(recipient, snapshot.to.length > 0 ? 'to' : 'cc', POLICY),
        index,
      }));
      expect(classifyRecipients(snapshot, POLICY)).toEqual(fresh);
      expect(classifyRecipients(message({ to: recipients() }), POLICY)).toEqual(first);
    }
  });
});
