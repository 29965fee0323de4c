import { describe, expect, it } from 'vitest';
import { toAsciiDomain } from '../../src/policy/domain.js';
import { FREE_MAIL_DOMAINS, MOBILE_CARRIER_DOMAINS } from '../../src/policy/personal-mail/personal-mail-domains.js';
import { personalMailMatcher } from '../../src/policy/personal-mail/personal-mail-matcher.js';

describe('personalMailMatcher', () => {
  const builtIn = personalMailMatcher({ add: [], remove: [] });

  it.each([
    ['gmail.com', 'free-mail'],
    ['yahoo.co.jp', 'free-mail'],
    ['icloud.com', 'free-mail'],
    ['docomo.ne.jp', 'mobile-carrier'],
    ['ezweb.ne.jp', 'mobile-carrier'],
    ['biz.ezweb.ne.jp', 'mobile-carrier'],
    ['au.com', 'mobile-carrier'],
    ['i.softbank.jp', 'mobile-carrier'],
    ['d.vodafone.ne.jp', 'mobile-carrier'],
    ['partner.co.jp', null],
    ['notgmail.com', null],
    ['gmail.com.evil.example', null],
    ['softbank.jp', null],
    ['co.jp', null],
  ] as const)('%s is %s', (domain, kind) => {
    expect(builtIn(domain)).toBe(kind);
  });

  it('lets the policy add a domain with its subdomains and take one out, even one it added', () => {
    const matcher = personalMailMatcher({ add: ['ocn.ne.jp', 'example.org'], remove: ['mac.com', 'example.org', 'ms.ezweb.ne.jp'] });
    expect(matcher('ocn.ne.jp')).toBe('policy');
    expect(matcher('home.ocn.ne.jp')).toBe('policy');
    expect(matcher('mac.com')).toBeNull();
    expect(matcher('example.org')).toBeNull();
    expect(matcher('ms.ezweb.ne.jp')).toBeNull();
    expect(matcher('ezweb.ne.jp')).toBe('mobile-carrier');
  });

  it('keeps its lists in lower-case ASCII, each domain once', () => {
    const all = [...FREE_MAIL_DOMAINS, ...MOBILE_CARRIER_DOMAINS];
    expect(new Set(all).size).toBe(all.length);
    for (const domain of all) expect(toAsciiDomain(domain)).toBe(domain);
  });
});
