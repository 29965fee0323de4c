import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toAsciiDomain } from '../../src/policy/domain.js';
import { createLookalikeDetector, detectLookalike, type KnownDomain, type LookalikeReason } from '../../src/policy/lookalike.js';

const KNOWN: readonly KnownDomain[] = [
  { domain: 'example.co.jp', source: 'internal' },
  { domain: 'microsoft.com', source: 'trusted' },
  { domain: 'apple.com', source: 'trusted' },
  { domain: 'sony.co.jp', source: 'trusted' },
  { domain: 'mufg.jp', source: 'trusted' },
];

/** The caller passes the ASCII form, so every input goes through toAsciiDomain first, as in the rule. */
function detect(input: string, known: readonly KnownDomain[] = KNOWN) {
  return detectLookalike(toAsciiDomain(input) ?? input, known);
}

interface MatchCase {
  readonly input: string;
  readonly imitates: string;
  readonly reasons: readonly LookalikeReason[];
  /** `char codePoint script index` for each suspicious character. */
  readonly characters: readonly string[];
}

const MATCHES: readonly MatchCase[] = [
  {
    input: 'exаmple.co.jp',
    imitates: 'example.co.jp',
    reasons: ['punycode', 'mixed-script', 'confusable-skeleton'],
    characters: ['а U+0430 Cyrillic 2'],
  },
  {
    input: 'xn--exmple-4nf.co.jp',
    imitates: 'example.co.jp',
    reasons: ['punycode', 'mixed-script', 'confusable-skeleton'],
    characters: ['а U+0430 Cyrillic 2'],
  },
  {
    input: 'ехаmple.co.jp',
    imitates: 'example.co.jp',
    reasons: ['punycode', 'mixed-script', 'confusable-skeleton'],
    characters: ['е U+0435 Cyrillic 0', 'х U+0445 Cyrillic 1', 'а U+0430 Cyrillic 2'],
  },
  { input: 'examp1e.co.jp', imitates: 'example.co.jp', reasons: ['confusable-skeleton'], characters: ['1 U+0031 Common 5'] },
  { input: 'EXAMPIE.CO.JP', imitates: 'example.co.jp', reasons: ['edit-distance'], characters: ['i U+0069 Latin 5'] },
  {
    input: 'exmaple.co.jp',
    imitates: 'example.co.jp',
    reasons: ['edit-distance'],
    characters: ['m U+006D Latin 2', 'a U+0061 Latin 3'],
  },
  { input: 'exampe.co.jp', imitates: 'example.co.jp', reasons: ['edit-distance'], characters: [] },
  { input: 'ex-ample.co.jp', imitates: 'example.co.jp', reasons: ['edit-distance'], characters: ['- U+002D Common 2'] },
  {
    input: 'exámple.co.jp',
    imitates: 'example.co.jp',
    reasons: ['punycode', 'confusable-skeleton'],
    characters: ['á U+00E1 Latin 2'],
  },
  {
    input: 'rnicrosoft.com',
    imitates: 'microsoft.com',
    reasons: ['confusable-skeleton'],
    characters: ['r U+0072 Latin 0', 'n U+006E Latin 1'],
  },
  { input: 'micros0ft.com', imitates: 'microsoft.com', reasons: ['confusable-skeleton'], characters: ['0 U+0030 Common 6'] },
  { input: 'mircosoft.com', imitates: 'microsoft.com', reasons: ['edit-distance'], characters: ['r U+0072 Latin 2', 'c U+0063 Latin 3'] },
  {
    input: 'micrsofft.com',
    imitates: 'microsoft.com',
    reasons: ['edit-distance'],
    characters: ['s U+0073 Latin 4', 'o U+006F Latin 5', 'f U+0066 Latin 6'],
  },
  { input: 'example.com', imitates: 'example.co.jp', reasons: ['suffix-swap'], characters: [] },
  { input: 'example.jp', imitates: 'example.co.jp', reasons: ['suffix-swap'], characters: [] },
  { input: 'example.ne.jp', imitates: 'example.co.jp', reasons: ['suffix-swap'], characters: [] },
  { input: 'example.github.io', imitates: 'example.co.jp', reasons: ['suffix-swap'], characters: [] },
  {
    input: 'exаmple.com',
    imitates: 'example.co.jp',
    reasons: ['punycode', 'mixed-script', 'confusable-skeleton', 'suffix-swap'],
    characters: ['а U+0430 Cyrillic 2'],
  },
  { input: 'example.co.jp.evil.com', imitates: 'example.co.jp', reasons: ['embedded-known-domain'], characters: [] },
  { input: 'www.example.com.evil.com', imitates: 'example.co.jp', reasons: ['embedded-known-domain'], characters: [] },
  { input: 'example-co-jp.com', imitates: 'example.co.jp', reasons: ['embedded-known-domain'], characters: [] },
  { input: 'example-co-jp.evil.com', imitates: 'example.co.jp', reasons: ['embedded-known-domain'], characters: [] },
  { input: 'example-co.jp', imitates: 'example.co.jp', reasons: ['embedded-known-domain'], characters: [] },
  { input: 'login-examp1e.net', imitates: 'example.co.jp', reasons: ['embedded-known-domain'], characters: [] },
  { input: 'microsoftsupport.com', imitates: 'microsoft.com', reasons: ['embedded-known-domain'], characters: [] },
  { input: 'examplecorp.com', imitates: 'example.co.jp', reasons: ['embedded-known-domain'], characters: [] },
  { input: 'my-example.jp', imitates: 'example.co.jp', reasons: ['embedded-known-domain'], characters: [] },
  { input: 'apple-support.com', imitates: 'apple.com', reasons: ['embedded-known-domain'], characters: [] },
  {
    input: 'аррӏе.com',
    imitates: 'apple.com',
    reasons: ['punycode', 'whole-script-confusable', 'confusable-skeleton'],
    characters: ['а U+0430 Cyrillic 0', 'р U+0440 Cyrillic 1', 'р U+0440 Cyrillic 2', 'ӏ U+04CF Cyrillic 3', 'е U+0435 Cyrillic 4'],
  },
  {
    input: 'xn--80ak6aa92e.com',
    imitates: 'apple.com',
    reasons: ['punycode', 'whole-script-confusable', 'confusable-skeleton'],
    characters: ['а U+0430 Cyrillic 0', 'р U+0440 Cyrillic 1', 'р U+0440 Cyrillic 2', 'ӏ U+04CF Cyrillic 3', 'е U+0435 Cyrillic 4'],
  },
  {
    input: 'αpple.com',
    imitates: 'apple.com',
    reasons: ['punycode', 'mixed-script', 'confusable-skeleton'],
    characters: ['α U+03B1 Greek 0'],
  },
  { input: 's0ny.co.jp', imitates: 'sony.co.jp', reasons: ['confusable-skeleton'], characters: ['0 U+0030 Common 1'] },
  { input: 'sonny.co.jp', imitates: 'sony.co.jp', reasons: ['edit-distance'], characters: ['n U+006E Latin 3'] },
  { input: 'mufg.co.jp', imitates: 'mufg.jp', reasons: ['suffix-swap'], characters: [] },
  {
    input: 'ехаmple.co.jp.evil.com',
    imitates: 'example.co.jp',
    reasons: ['punycode', 'mixed-script', 'embedded-known-domain'],
    characters: ['е U+0435 Cyrillic 0', 'х U+0445 Cyrillic 1', 'а U+0430 Cyrillic 2'],
  },
];

describe('detectLookalike: look-alikes', () => {
  it.each(MATCHES)('$input imitates $imitates', ({ input, imitates, reasons, characters }) => {
    const match = detect(input);
    expect(match).not.toBeNull();
    expect(match?.imitates).toBe(imitates);
    expect(match?.reasons).toEqual(reasons);
    expect(match?.suspiciousCharacters.map(({ char, codePoint, script, index }) => `${char} ${codePoint} ${script} ${index}`)).toEqual(
      characters,
    );
  });

  it('gives the ASCII and Unicode forms and the source of the imitated domain', () => {
    expect(detect('exаmple.co.jp')).toMatchObject({
      ascii: 'xn--exmple-4nf.co.jp',
      unicode: 'exаmple.co.jp',
      imitates: 'example.co.jp',
      imitatesSource: 'internal',
    });
    expect(detect('аррӏе.com')).toMatchObject({
      ascii: 'xn--80ak6aa92e.com',
      unicode: 'аррӏе.com',
      imitatesSource: 'trusted',
    });
  });

  it('indexes suspicious characters in the whole Unicode domain, subdomains included', () => {
    const match = detect('mail.exаmple.com');
    expect(match?.unicode).toBe('mail.exаmple.com');
    expect(match?.suspiciousCharacters).toEqual([{ char: 'а', codePoint: 'U+0430', script: 'Cyrillic', index: 7 }]);
  });

  it('prefers an internal domain when two known domains are imitated equally', () => {
    const known: KnownDomain[] = [
      { domain: 'example.com', source: 'trusted' },
      { domain: 'example.co.jp', source: 'internal' },
    ];
    expect(detect('example.jp', known)?.imitates).toBe('example.co.jp');
    expect(detect('example.jp', [...known].reverse())?.imitates).toBe('example.co.jp');
  });

  it('prefers the strongest resemblance over list order', () => {
    const known: KnownDomain[] = [
      { domain: 'exampler.com', source: 'trusted' },
      { domain: 'examp1e.com', source: 'trusted' },
    ];
    expect(detect('example.com', known)).toMatchObject({ imitates: 'examp1e.com', reasons: ['confusable-skeleton'] });
  });

  it('accepts known domains in any case or in Unicode form', () => {
    expect(detect('exmaple.co.jp', [{ domain: 'EXAMPLE.CO.JP', source: 'internal' }])?.imitates).toBe('example.co.jp');
    expect(detect('munchen.de', [{ domain: 'münchen.de', source: 'trusted' }])?.imitates).toBe('xn--mnchen-3ya.de');
  });
});

const NOT_LOOKALIKES: readonly string[] = [
  'example.co.jp',
  'EXAMPLE.CO.JP',
  'ｅｘａｍｐｌｅ．ｃｏ．ｊｐ',
  'example.co.jp.',
  'mail.example.co.jp',
  'a.b.example.co.jp',
  'microsoft.com',
  'partner.co.jp',
  'gmail.com',
  'yahoo.co.jp',
  'outlook.com',
  'icloud.com',
  'docomo.ne.jp',
  'ezweb.ne.jp',
  'softbank.ne.jp',
  'nifty.com',
  'biglobe.ne.jp',
  'ocn.ne.jp',
  'sonar.co.jp',
  'sompo.co.jp',
  'pineapple.com',
  'applied.jp',
  'counterexamples.org',
  'examinee.net',
  'contoso.com',
  'example.evil.com',
  'mail.example.mailhost.com',
  'mfg.jp',
  '日本語.jp',
  'ソニー.jp',
  'xn--eckwd4c7c.xn--zckzah',
  '192.168.0.1',
  'co.jp',
  'localhost',
  '',
  'not a domain',
];

describe('detectLookalike: ordinary domains', () => {
  it.each(NOT_LOOKALIKES)('%s is not a look-alike', (input) => {
    expect(detect(input)).toBeNull();
  });

  it('treats another host of a known registrable domain as the same owner', () => {
    expect(detect('example.co.jp', [{ domain: 'mail.example.co.jp', source: 'internal' }])).toBeNull();
    expect(detect('other.example.co.jp', [{ domain: 'mail.example.co.jp', source: 'internal' }])).toBeNull();
  });

  it('never reports a domain the known list contains, even when another known entry resembles it', () => {
    const known: KnownDomain[] = [
      { domain: 'example.co.jp', source: 'internal' },
      { domain: 'example.com', source: 'internal' },
    ];
    expect(detect('example.com', known)).toBeNull();
    expect(detect('www.example.com', known)).toBeNull();
  });

  it('finds nothing without known domains, or with unusable ones', () => {
    expect(detect('exаmple.co.jp', [])).toBeNull();
    expect(detect('exаmple.co.jp', [{ domain: 'not a domain', source: 'trusted' }])).toBeNull();
    expect(detect('exаmple.co.jp', [{ domain: 'co.jp', source: 'trusted' }])).toBeNull();
  });
});

const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) });
const label = fc.string({
  unit: fc.constantFrom('a', 'e', 'x', 'm', 'p', 'l', 'r', 'n', '1', '0', '-', 'а', 'е', 'р', 'ӏ', 'é', '日', 'ー', 'xn--'),
  minLength: 1,
  maxLength: 12,
});
const domainLike = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 5 }), fc.constantFrom('com', 'co.jp', 'jp', 'github.io'))
  .map(([labels, suffix]) => [...labels, suffix].join('.'));
const knownList = fc.array(
  fc.record({
    domain: fc.oneof(anyText, domainLike, fc.constantFrom('example.co.jp', 'microsoft.com', 'apple.com')),
    source: fc.constantFrom('internal' as const, 'trusted' as const),
  }),
  { maxLength: 5 },
);

describe('detectLookalike: total', () => {
  it('never throws, and any match is consistent', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, domainLike), knownList, (input, known) => {
        const match = detectLookalike(input, known);
        if (match === null) return;
        expect(match.reasons.length).toBeGreaterThan(0);
        expect(known.some(({ domain }) => toAsciiDomain(domain) === match.imitates)).toBe(true);
        for (const { char, index } of match.suspiciousCharacters) {
          expect(match.unicode.slice(index, index + char.length)).toBe(char);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same answers from a detector built once', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyText, domainLike), { maxLength: 5 }), knownList, (inputs, known) => {
        const detect = createLookalikeDetector(known);
        for (const input of inputs) expect(detect(input)).toEqual(detectLookalike(input, known));
      }),
      { numRuns: 500 },
    );
  });

  it('never reports a known domain or a host under it', () => {
    fc.assert(
      fc.property(domainLike, knownList, (domain, others) => {
        const ascii = toAsciiDomain(domain);
        if (ascii === null) return;
        const known: KnownDomain[] = [...others, { domain: ascii, source: 'internal' }];
        expect(detectLookalike(ascii, known)).toBeNull();
        expect(detectLookalike(`mail.${ascii}`, known)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});
