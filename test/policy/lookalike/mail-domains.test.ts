import { beforeAll, describe, expect, it, vi } from 'vitest';
import { lookalikeDomainRule } from '../../../src/policy/rules/lookalike-domain.js';
import { personalMailDomainRule } from '../../../src/policy/rules/personal-mail-domain.js';
import type { Rule } from '../../../src/policy/rules/rule.js';
import type { Finding } from '../../../src/policy/types.js';
import { message, people, policyFrom, runRule } from '../fixtures.js';
import { tldtsAnswer } from './tldts-answer.js';

// The handler's domain checks over domains people really send mail to, with the packed suffix rules
// (src/policy/lookalike/public-suffix-data.ts) and with tldts' whole list: the answers must be the same.
// The look-alike rule splits every domain at its public suffix; the personal-mail rule matches listed
// domains and their parents and reads no suffix list, so it must not move either.

/** Japanese companies, carriers, providers, free mail, public bodies, universities and geographic names. */
const JAPANESE_MAIL_DOMAINS = [
  'toyota.co.jp',
  'mail.toyota.co.jp',
  'sony.co.jp',
  'jp.fujitsu.com',
  'hitachi.com',
  'docomo.ne.jp',
  'ezweb.ne.jp',
  'au.com',
  'softbank.ne.jp',
  'i.softbank.jp',
  'ymobile.ne.jp',
  'biz.ezweb.ne.jp',
  'ocn.ne.jp',
  'ybb.ne.jp',
  'biglobe.ne.jp',
  'so-net.ne.jp',
  'plala.or.jp',
  'jcom.home.ne.jp',
  'nifty.com',
  'yahoo.co.jp',
  'hotmail.co.jp',
  'outlook.jp',
  'gmail.com',
  'icloud.com',
  'nhk.or.jp',
  'jetro.go.jp',
  'u-tokyo.ac.jp',
  'keio.jp',
  'city.yokohama.lg.jp',
  'pref.kanagawa.lg.jp',
  'city.chiyoda.lg.jp',
  'city.kawasaki.jp',
  'mail.city.kawasaki.jp',
  'ward.kawasaki.jp',
  'contoso.kawasaki.jp',
  'contoso.sapporo.jp',
  'contoso.chuo.tokyo.jp',
  'contoso.minato.tokyo.jp',
  'kawasaki.jp',
];

/** Names under private suffixes: rental servers, dynamic DNS, second-level registries, hosting platforms. */
const PRIVATE_SUFFIX_DOMAINS = [
  'contoso.sakura.ne.jp',
  'contoso.mints.ne.jp',
  'contoso.mydns.jp',
  'contoso.xii.jp',
  'contoso.jp.net',
  'contoso.jpn.com',
  'contoso.us.com',
  'contoso.eu.org',
  'contoso.ddns.net',
  'contoso.github.io',
  'contoso.blogspot.com',
  'contoso.herokuapp.com',
  'contoso.azurewebsites.net',
  'github.io',
  'sakura.ne.jp',
];

/** Look-alikes of the policies' domains, IDN included. */
const IMITATIONS = [
  'contoso.co.jp',
  'contoso.com',
  'contoso.jp',
  'contosso.co.jp',
  'cantoso.co.jp',
  'xn--cntoso-2ve.co.jp',
  'contoso.co.jp.evil.com',
  'contoso-co-jp.evil.com',
  'login-contoso.com',
  'fabrikam.ne.jp',
  'fabrikan.ne.jp',
  'fabrikam.or.jp',
  'city.kawasak1.jp',
  'shop.sakura.ne.jp',
  'shoq.sakura.ne.jp',
  'partner.jp.net',
  'partnar.jp.net',
];

const MAIL_DOMAINS = [...JAPANESE_MAIL_DOMAINS, ...PRIVATE_SUFFIX_DOMAINS, ...IMITATIONS];

/** A Japanese company's policy, one whose own mail is on a rental server, and one trusting a private-suffix partner. */
const POLICIES = [
  policyFrom({
    internalDomains: ['contoso.co.jp', 'contoso.jp'],
    trustedDomains: ['fabrikam.ne.jp', 'city.kawasaki.jp', 'pref.kanagawa.lg.jp', 'toyota.co.jp'],
  }),
  policyFrom({ internalDomains: ['shop.sakura.ne.jp'], trustedDomains: ['docomo.ne.jp', 'keio.jp'] }),
  policyFrom({ internalDomains: ['contoso.co.jp'], trustedDomains: ['partner.jp.net', 'contoso.github.io'] }),
];

/** Every finding of `rule` for one recipient at each domain, under each policy. */
function answers(rule: Rule): Finding[][] {
  return POLICIES.flatMap((policy) => MAIL_DOMAINS.map((domain) => runRule(rule, message({ to: people(`taro@${domain}`) }), policy)));
}

describe('the domain checks on mail domains, packed suffix rules against the whole list', () => {
  let withWholeList: { lookalike: Rule; personalMail: Rule };

  beforeAll(async () => {
    vi.resetModules();
    vi.doMock('../../../src/policy/lookalike/public-suffix.js', () => ({ parseHostname: tldtsAnswer }));
    const lookalike = await import('../../../src/policy/rules/lookalike-domain.js');
    const personalMail = await import('../../../src/policy/rules/personal-mail-domain.js');
    withWholeList = { lookalike: lookalike.lookalikeDomainRule, personalMail: personalMail.personalMailDomainRule };
    vi.doUnmock('../../../src/policy/lookalike/public-suffix.js');
  });

  it('find the same look-alikes', () => {
    const packed = answers(lookalikeDomainRule);
    expect(packed.flat().length).toBeGreaterThan(20);
    expect(packed).toEqual(answers(withWholeList.lookalike));
  });

  it('find the same personal mailboxes', () => {
    const packed = answers(personalMailDomainRule);
    expect(packed.flat().length).toBeGreaterThan(5);
    expect(packed).toEqual(answers(withWholeList.personalMail));
  });
});

describe('private suffixes on mail domains', () => {
  // Why the packed rules keep the list's private section: names under these suffixes are registered by
  // different people and receive mail (rental servers' initial domains, CentralNic's jp.net), so the
  // look-alike check must read the name under the suffix, as tldts does with private rules.
  const lookalikeIds = (policy: number, domain: string): string[] =>
    runRule(lookalikeDomainRule, message({ to: people(`taro@${domain}`) }), POLICIES[policy]).map((finding) => finding.id);

  it('see our name registered under a second-level registry or a rental server', () => {
    expect(lookalikeIds(0, 'contoso.jp.net')).toEqual(['lookalike-domain:contoso.jp.net']);
    expect(lookalikeIds(0, 'contoso.jpn.com')).toEqual(['lookalike-domain:contoso.jpn.com']);
    expect(lookalikeIds(0, 'contoso.sakura.ne.jp')).toEqual(['lookalike-domain:contoso.sakura.ne.jp']);
  });

  it('tell apart two names on the same rental server', () => {
    expect(lookalikeIds(1, 'shoq.sakura.ne.jp')).toEqual(['lookalike-domain:shoq.sakura.ne.jp']);
    expect(lookalikeIds(2, 'partnar.jp.net')).toEqual(['lookalike-domain:partnar.jp.net']);
  });
});
