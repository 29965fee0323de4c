import { readFileSync } from 'node:fs';
import { constants, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitsAsDigits } from '../../../scripts/deflate-text.js';
import { packedRules, publicSuffixModule, ruleText, tldtsRules } from '../../../scripts/public-suffixes.js';
import { toAsciiDomain } from '../../../src/policy/domain.js';
import { domainParts, isIcannSuffix } from '../../../src/policy/lookalike/domain-parts.js';
import { inflateText } from '../../../src/policy/lookalike/inflate.js';
import { parseHostname } from '../../../src/policy/lookalike/public-suffix.js';
import { RULES, RULES_DIGITS } from '../../../src/policy/lookalike/public-suffix-data.js';
import { tldtsAnswer } from './tldts-answer.js';

const LDH = /^[a-z0-9*-]+(\.[a-z0-9*-]+)*$/;

/**
 * Hostnames around every rule tldts has that an ASCII hostname can meet: the suffix itself, one and
 * two labels under it, `*` filled in with a label, exception hosts and hosts under them.
 */
function hostnamesAroundRules(): string[] {
  const hostnames = new Set<string>();
  for (const rule of tldtsRules()) {
    const text = ruleText(rule).replace(/^!/, '');
    if (!LDH.test(text)) continue;
    for (const filled of [text.replace(/\*/g, 'x'), text.replace(/\*/g, 'city')]) {
      hostnames.add(filled);
      hostnames.add(`example.${filled}`);
      hostnames.add(`mail.example-co.${filled}`);
    }
  }
  return [...hostnames];
}

/** Look-alike and domain test cases (test/policy/lookalike.test.ts) and the corners of the algorithm. */
const HAND_PICKED = [
  'example.co.jp',
  'mail.example.co.jp',
  'exаmple.co.jp',
  'xn--exmple-4nf.co.jp',
  'microsoft.com.evil.com',
  'example-co-jp.evil.com',
  'example.github.io',
  'github.io',
  'foo.bar.blogspot.com',
  'blogspot.com',
  'www.ck',
  'a.www.ck',
  'ck',
  'other.ck',
  'city.kawasaki.jp',
  'a.city.kawasaki.jp',
  'b.a.kawasaki.jp',
  'kawasaki.jp',
  'example.unknowntld',
  'unknowntld',
  'a.b.c.d.e.f',
  'example.xn--p1ai',
  'xn--80ak6aa92e.com',
  'example.de',
  'example.com',
  'sub.example.gov',
  '1.2.3.4',
  '10.0.0.1',
  '192.168.100.200',
  '1.2.3.4.5',
  '999.999.999.999',
  '1234.5.6.7',
  '1.2.3.com',
  'example.co.jp.',
  'example.co.jp..',
];

const ldhLabel = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
const randomHostname = fc
  .tuple(
    fc.array(ldhLabel, { minLength: 0, maxLength: 3 }),
    fc.constantFrom(...hostnamesAroundRules().slice(0, 3000), 'com', 'jp', 'io', 'zz'),
  )
  .map(([labels, tail]) => [...labels, tail].join('.'));

describe('parseHostname', () => {
  const table = [...hostnamesAroundRules(), ...HAND_PICKED];

  it('gives what tldts gives, with and without private rules, for every rule of the list', () => {
    expect(table.length).toBeGreaterThan(30_000);
    const differing = table.flatMap((hostname) =>
      [true, false].flatMap((withPrivate) => {
        const expected = tldtsAnswer(hostname, withPrivate);
        const actual = parseHostname(hostname, withPrivate);
        return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [{ hostname, withPrivate, expected, actual }];
      }),
    );
    expect(differing.slice(0, 5)).toEqual([]);
  }, 60_000);

  it('gives what tldts gives for random hostnames under the rules', () => {
    fc.assert(
      fc.property(randomHostname, fc.boolean(), (hostname, withPrivate) => {
        expect(parseHostname(hostname, withPrivate)).toEqual(tldtsAnswer(hostname, withPrivate));
      }),
      { numRuns: 5000 },
    );
  }, 60_000);

  it('counts private suffixes only when asked', () => {
    expect(parseHostname('example.github.io', true)).toEqual({
      publicSuffix: 'github.io',
      domain: 'example.github.io',
      domainWithoutSuffix: 'example',
      isIcann: false,
    });
    expect(parseHostname('example.github.io', false)?.domain).toBe('github.io');
    expect(parseHostname('a.city.kawasaki.jp', true)?.domain).toBe('city.kawasaki.jp');
    expect(parseHostname('1.2.3.4', true)).toBeNull();
  });
});

describe('domainParts and isIcannSuffix with the packed rules', () => {
  it('split every hostname around a rule where tldts splits it', () => {
    for (const hostname of [...hostnamesAroundRules(), ...HAND_PICKED]) {
      const ascii = toAsciiDomain(hostname);
      if (ascii === null) continue;
      const parts = domainParts(ascii);
      const expected = tldtsAnswer(ascii, true);
      const registrable =
        expected?.domain && expected.domainWithoutSuffix && !expected.domainWithoutSuffix.includes('.') ? expected.domain : null;
      expect(parts?.registrable ?? null, ascii).toBe(registrable);
      if (parts !== null) expect(parts.suffix, ascii).toBe(expected?.publicSuffix);
    }
  }, 60_000);

  it('say a suffix is ICANN exactly when tldts does', () => {
    for (const rule of tldtsRules()) {
      const text = ruleText(rule).replace(/^!/, '').replace(/\*/g, 'x');
      if (!LDH.test(text)) continue;
      const labels = text.split('.');
      for (const candidate of [labels, labels.slice(1)]) {
        const expected = tldtsAnswer(`x.${candidate.join('.')}`, false);
        const icann = candidate.length > 0 && expected?.isIcann === true && expected.publicSuffix === candidate.join('.');
        expect(isIcannSuffix(candidate), candidate.join('.')).toBe(icann);
      }
    }
  }, 60_000);
});

describe('inflateText', () => {
  const inflated = (bytes: Uint8Array, options: Parameters<typeof deflateRawSync>[1]): string =>
    inflateText(bitsAsDigits(deflateRawSync(bytes, options)), RULES_DIGITS);

  it('gives back what zlib compressed, in stored, fixed and dynamic blocks', () => {
    const bytes = fc.uint8Array({ maxLength: 3000 });
    const repetitive = fc
      .array(fc.constantFrom('com,', 'net,', 'co.', 'jp(', 'a', 'b'), { maxLength: 2000 })
      .map((parts) => Buffer.from(parts.join('')));
    for (const options of [{ level: 0 }, { level: 1 }, { level: 9 }, { level: 9, strategy: constants.Z_FIXED }]) {
      fc.assert(
        fc.property(fc.oneof(bytes, repetitive), (sample) => inflated(sample, options) === Buffer.from(sample).toString('latin1')),
        { numRuns: 50 },
      );
    }
  });

  it('refuses a text that ends before its last block', () => {
    const whole = bitsAsDigits(deflateRawSync(Buffer.from('example.co.jp '.repeat(50)), { level: 9 }));
    expect(() => inflateText(whole.slice(0, whole.length - 4), RULES_DIGITS)).toThrow(/ends early/);
  });

  it('gives back the whole trie text of the rules', () => {
    expect(inflateText(RULES, RULES_DIGITS)).toBe(packedRules().rules);
  }, 60_000);
});

describe('scripts/public-suffixes.js', () => {
  it('wrote the committed rules from the tldts installed now', () => {
    // The compressed text itself may differ with the zlib of another Node version; what it inflates to
    // is held above ('gives back the whole trie text of the rules').
    const withoutRules = (text: string): string => text.replace(/^export const RULES = '.*';$/m, '');
    const committed = readFileSync(new URL('../../../src/policy/lookalike/public-suffix-data.ts', import.meta.url), 'utf8');
    expect(withoutRules(committed)).toBe(withoutRules(publicSuffixModule()));
  }, 60_000);
});
