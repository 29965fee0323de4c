import { describe, expect, test } from 'vitest';
import { DEFAULT_POLICY, parsePolicy } from '../../src/policy/parse-policy.js';
import type { PolicyProblem } from '../../src/policy/types.js';
import { policyFrom, problemsOf, type PathMessage } from './fixtures.js';

describe('defaults', () => {
  test('an empty document is the default policy', () => {
    expect(policyFrom({})).toEqual(DEFAULT_POLICY);
  });

  test('the defaults: nothing internal, Bcc from three domains, fail closed', () => {
    expect(DEFAULT_POLICY).toMatchObject({
      version: 1,
      internalDomains: [],
      trustedDomains: [],
      bccSuggestThreshold: 3,
      confirmInternalOnly: false,
      onError: 'block',
    });
    expect(DEFAULT_POLICY.severities).toEqual({
      'external-recipient': 'confirm',
      'mailing-list': 'confirm',
      'unresolved-recipient': 'confirm',
      'lookalike-domain': 'block',
      'display-name-spoof': 'confirm',
      'same-name-outside': 'confirm',
      'blocked-recipient': 'block',
      'attention-recipient': 'confirm',
      keyword: 'confirm',
      'many-domains-visible': 'confirm',
      'new-domain': 'confirm',
      'first-time-recipient': 'confirm',
      'personal-mail-domain': 'confirm',
      'attachment-to-external': 'confirm',
      'attachment-mismatch': 'confirm',
    });
  });

  test('the default policy cannot be changed by a caller', () => {
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.severities)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.internalDomains)).toBe(true);
  });

  test('a severity override keeps the other defaults', () => {
    const policy = policyFrom({ severities: { 'new-domain': 'info' } });
    expect(policy.severities['new-domain']).toBe('info');
    expect(policy.severities['lookalike-domain']).toBe('block');
  });

  test('a keyword without action or where warns everywhere', () => {
    expect(policyFrom({ keywords: [{ term: '見積' }] }).keywords).toEqual([
      { term: '見積', action: 'warn', where: ['subject', 'body', 'attachment-name'] },
    ]);
  });

  test('$schema is accepted and ignored', () => {
    expect(policyFrom({ $schema: './policy.schema.json' })).toEqual(DEFAULT_POLICY);
  });
});

describe('normalisation', () => {
  test.each([
    ['upper case and a trailing dot', ['EXAMPLE.CO.JP.'], ['example.co.jp']],
    ['full-width letters and dots', ['ｅｘａｍｐｌｅ．ｃｏ．ｊｐ'], ['example.co.jp']],
    ['IDN to punycode', ['日本語.jp'], ['xn--wgv71a119e.jp']],
    ['IDN and its punycode are one entry', ['日本語.jp', 'XN--WGV71A119E.JP'], ['xn--wgv71a119e.jp']],
    ['ideographic full stop', ['example。co。jp'], ['example.co.jp']],
  ])('internalDomains: %s', (_name, input, expected) => {
    expect(policyFrom({ internalDomains: input }).internalDomains).toEqual(expected);
  });

  test.each([
    ['an address', 'Taro@Example.CO.JP', 'taro@example.co.jp'],
    ['a domain', 'Evil.COM.', 'evil.com'],
    ['a domain with a leading @ (that domain only)', '@Evil.com', '@evil.com'],
    ['a quoted local part holding @', '"a@b"@example.co.jp', '"a@b"@example.co.jp'],
    ['a full-width address', 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ', 'taro@example.co.jp'],
  ])('blockedRecipients: %s', (_name, input, expected) => {
    expect(policyFrom({ blockedRecipients: [input] }).blockedRecipients).toEqual([expected]);
  });

  const EVERY_FORM: readonly (readonly [string, string, string])[] = [
    ['a domain', 'Example.CO.JP.', 'example.co.jp'],
    ['an exact domain', '@ＥＸＡＭＰＬＥ．co.jp', '@example.co.jp'],
    ['an address', ' Taro@日本語.jp ', 'taro@xn--wgv71a119e.jp'],
    ['a domain pattern', '*.Example.co.jp', '*.example.co.jp'],
    ['an address pattern', '*-ALL@日本語.jp', '*-all@xn--wgv71a119e.jp'],
    ['a pattern in the domain of an address', 'xx@?Example.co.jp', 'xx@?example.co.jp'],
    ['no domain', ' @ ', '@'],
    ['an exclusion', '- Taro@Example.co.jp', '-taro@example.co.jp'],
    ['an excluded exact domain', '-@Sub.example.co.jp', '-@sub.example.co.jp'],
    ['a comment, kept as written', '  # Partners since 2024 ', '# Partners since 2024'],
  ];
  const LIST_KEYS = ['internalDomains', 'trustedDomains', 'blockedRecipients', 'attentionRecipients'] as const;

  test.each(LIST_KEYS.flatMap((key) => EVERY_FORM.map(([name, input, expected]) => [key, name, input, expected] as const)))(
    '%s: %s',
    (key, _name, input, expected) => {
      expect(policyFrom({ [key]: [input] })[key]).toEqual([expected]);
      // What the policy keeps reads back as itself, so a policy served again parses to the same lists.
      expect(policyFrom({ [key]: [expected] })[key]).toEqual([expected]);
    },
  );

  // Kept as written, so a finding names the entry the administrator wrote; src/policy/mailing-lists.ts reads the form.
  test.each<[string, unknown, unknown]>([
    ['a plain address', ' All@Example.co.jp ', 'All@Example.co.jp'],
    ['a local-part wildcard', '*-ALL@Example.co.jp', '*-ALL@Example.co.jp'],
    ['a subdomain wildcard', 'news@*.example.co.jp', 'news@*.example.co.jp'],
    ['an IDN domain with a wildcard', '*@日本語.jp', '*@日本語.jp'],
    ['a domain', 'lists.example.co.jp', 'lists.example.co.jp'],
    ['an exclusion', '-ceo@lists.example.co.jp', '-ceo@lists.example.co.jp'],
    ['a comment', '# board lists are private', '# board lists are private'],
    [
      'a list with outside members',
      { address: ' pj@example.co.jp', externalDomains: ['Partner.CO.JP', '日本語.jp'] },
      { address: 'pj@example.co.jp', externalDomains: ['partner.co.jp', 'xn--wgv71a119e.jp'] },
    ],
  ])('mailingLists: %s', (_name, input, expected) => {
    expect(policyFrom({ mailingLists: [input] }).mailingLists).toEqual([expected]);
  });

  test.each(['confirm', 'treat-as-external'] as const)('unknownLists: %s', (value) => {
    expect(policyFrom({ unknownLists: value }).unknownLists).toBe(value);
  });

  test('keyword terms are NFKC-normalised and trimmed', () => {
    expect(policyFrom({ keywords: [{ term: ' ﾏｲﾅﾝﾊﾞｰ ' }] }).keywords[0]?.term).toBe('マイナンバー');
  });
});

const FORMS = '(write a domain, @domain, address, pattern with * or ?, "@", -exclusion or # comment)';
const LAST_LABEL = '(no wildcard in the last label: "example.*" would match "example.co.jp.evil.com")';

describe('problems', () => {
  test.each<[string, unknown, PathMessage[]]>([
    ['null', null, [{ path: '$', message: 'must be a JSON object' }]],
    ['an array', [], [{ path: '$', message: 'must be a JSON object' }]],
    ['a string', '{}', [{ path: '$', message: 'must be a JSON object' }]],
    ['a Map', new Map(), [{ path: '$', message: 'must be a JSON object' }]],
    [
      'a typo',
      { trustedDomain: [] },
      [{ path: '$.trustedDomain', message: 'unknown key "trustedDomain" (did you mean "trustedDomains"?)' }],
    ],
    ['a wrong-case key', { OnError: 'allow' }, [{ path: '$.OnError', message: 'unknown key "OnError" (did you mean "onError"?)' }]],
    ['an unrelated key', { comment: 'x' }, [{ path: '$.comment', message: 'unknown key "comment"' }]],
    ['a key with a hyphen', { 'on-error': 'x' }, [{ path: '$["on-error"]', message: 'unknown key "on-error" (did you mean "onError"?)' }]],
    ['version 2', { version: 2 }, [{ path: '$.version', message: 'unsupported version 2; this Preflight reads version 1' }]],
    ['version as a string', { version: '1' }, [{ path: '$.version', message: 'must be the number 1' }]],
    [
      'domains not an array',
      { internalDomains: 'example.co.jp' },
      [{ path: '$.internalDomains', message: 'must be an array of domains, addresses or patterns' }],
    ],
    [
      'a domain that is a number',
      { internalDomains: ['example.co.jp', 42] },
      [{ path: '$.internalDomains[1]', message: 'must be a string (a domain, address or pattern)' }],
    ],
    [
      'a domain with one label',
      { trustedDomains: ['localhost'] },
      [{ path: '$.trustedDomains[0]', message: `not a valid entry: "localhost" ${FORMS}` }],
    ],
    [
      'a wildcard in the last label',
      { internalDomains: ['example.*'] },
      [{ path: '$.internalDomains[0]', message: `not a valid entry: "example.*" ${LAST_LABEL}` }],
    ],
    ['an empty entry', { internalDomains: [''] }, [{ path: '$.internalDomains[0]', message: 'must be a non-empty string' }]],
    [
      'an exclusion of nothing',
      { trustedDomains: ['example.co.jp', ' - '] },
      [{ path: '$.trustedDomains[1]', message: 'an exclusion needs a domain, address or pattern after "-"' }],
    ],
    [
      'an underscore in a domain',
      { internalDomains: ['ex_ample.co.jp'] },
      [{ path: '$.internalDomains[0]', message: `not a valid entry: "ex_ample.co.jp" ${FORMS}` }],
    ],
    [
      'recipients not an array',
      { attentionRecipients: 'ceo@example.co.jp' },
      [{ path: '$.attentionRecipients', message: 'must be an array of domains, addresses or patterns' }],
    ],
    [
      'a blocked wildcard in the last label of an address',
      { blockedRecipients: ['*@evil.*'] },
      [{ path: '$.blockedRecipients[0]', message: `not a valid entry: "*@evil.*" ${LAST_LABEL}` }],
    ],
    [
      'an attention entry without domain',
      { attentionRecipients: ['taro@'] },
      [{ path: '$.attentionRecipients[0]', message: `not a valid entry: "taro@" ${FORMS}` }],
    ],
    [
      'a list entry that is a number',
      { mailingLists: [1] },
      [
        {
          path: '$.mailingLists[0]',
          message: 'must be a string (an address, domain or pattern) or an object with "address", "externalDomains"',
        },
      ],
    ],
    [
      'a list pattern matching every domain',
      { mailingLists: ['*@*'] },
      [
        {
          path: '$.mailingLists[0]',
          message:
            'not a valid list entry: "*@*" (an address, a domain, @domain, a pattern with * or ? (not in the last label), \"@\", \"-\" before one of these, or a \"#\" comment)',
        },
      ],
    ],
    [
      'a list pattern with a wildcard top-level label',
      { mailingLists: ['all@example.*'] },
      [
        {
          path: '$.mailingLists[0]',
          message:
            'not a valid list entry: "all@example.*" (an address, a domain, @domain, a pattern with * or ? (not in the last label), \"@\", \"-\" before one of these, or a \"#\" comment)',
        },
      ],
    ],
    [
      'a list with outside members written as an exclusion',
      { mailingLists: [{ address: '-all@example.co.jp', externalDomains: ['partner.co.jp'] }] },
      [
        {
          path: '$.mailingLists[0].address',
          message: 'a list with outside members needs an address, domain or pattern, not an exclusion or a comment: "-all@example.co.jp"',
        },
      ],
    ],
    [
      'a list with outside members naming none',
      { mailingLists: [{ address: 'all@example.co.jp', externalDomains: [] }] },
      [{ path: '$.mailingLists[0].externalDomains', message: 'must name at least one domain' }],
    ],
    [
      'a list with outside members without its address',
      { mailingLists: [{ externalDomains: ['partner.co.jp', 'not a domain'], extra: 1 }] },
      [
        { path: '$.mailingLists[0].extra', message: 'unknown key "extra"' },
        { path: '$.mailingLists[0].address', message: 'required' },
        { path: '$.mailingLists[0].externalDomains[1]', message: 'not a valid domain: "not a domain"' },
      ],
    ],
    [
      'unknownLists not a choice',
      { unknownLists: 'external' },
      [{ path: '$.unknownLists', message: 'must be one of "confirm", "treat-as-external"' }],
    ],
    ['keywords not an array', { keywords: { term: 'x' } }, [{ path: '$.keywords', message: 'must be an array of keyword objects' }]],
    [
      'a keyword that is a string',
      { keywords: ['社外秘'] },
      [{ path: '$.keywords[0]', message: 'must be an object with "term", "action" and "where"' }],
    ],
    ['a keyword without term', { keywords: [{ action: 'block' }] }, [{ path: '$.keywords[0].term', message: 'required' }]],
    ['an empty term', { keywords: [{ term: '  ' }] }, [{ path: '$.keywords[0].term', message: 'must be a non-empty string' }]],
    [
      'a too long term',
      { keywords: [{ term: 'x'.repeat(201) }] },
      [{ path: '$.keywords[0].term', message: 'too long: 201 characters (at most 200)' }],
    ],
    [
      'a bad action',
      { keywords: [{ term: 'x', action: 'deny' }] },
      [{ path: '$.keywords[0].action', message: 'must be one of "warn", "block"' }],
    ],
    [
      'a bad place',
      { keywords: [{ term: 'x', where: ['subject', 'header'] }] },
      [{ path: '$.keywords[0].where[1]', message: 'must be one of "subject", "body", "attachment-name"' }],
    ],
    [
      'no place',
      { keywords: [{ term: 'x', where: [] }] },
      [{ path: '$.keywords[0].where', message: 'must name at least one of "subject", "body", "attachment-name"' }],
    ],
    [
      'a keyword typo',
      { keywords: [{ term: 'x', wher: ['body'] }] },
      [{ path: '$.keywords[0].wher', message: 'unknown key "wher" (did you mean "where"?)' }],
    ],
    [
      'a term listed twice',
      { keywords: [{ term: 'Secret' }, { term: 'ＳＥＣＲＥＴ', action: 'block' }] },
      [{ path: '$.keywords[1].term', message: 'duplicate of $.keywords[0].term; merge the two entries' }],
    ],
    [
      'a negative threshold',
      { bccSuggestThreshold: -1 },
      [{ path: '$.bccSuggestThreshold', message: 'out of range: -1 (must be from 0 to 1000)' }],
    ],
    [
      'a huge threshold',
      { bccSuggestThreshold: 1001 },
      [{ path: '$.bccSuggestThreshold', message: 'out of range: 1001 (must be from 0 to 1000)' }],
    ],
    [
      'a fractional threshold',
      { bccSuggestThreshold: 2.5 },
      [{ path: '$.bccSuggestThreshold', message: 'must be a whole number from 0 to 1000' }],
    ],
    [
      'a threshold as a string',
      { bccSuggestThreshold: '3' },
      [{ path: '$.bccSuggestThreshold', message: 'must be a whole number from 0 to 1000' }],
    ],
    [
      'a NaN threshold',
      { bccSuggestThreshold: Number.NaN },
      [{ path: '$.bccSuggestThreshold', message: 'must be a whole number from 0 to 1000' }],
    ],
    ['a boolean as a string', { confirmInternalOnly: 'true' }, [{ path: '$.confirmInternalOnly', message: 'must be true or false' }]],
    ['null instead of a default', { confirmInternalOnly: null }, [{ path: '$.confirmInternalOnly', message: 'must be true or false' }]],
    ['a bad onError', { onError: 'warn' }, [{ path: '$.onError', message: 'must be one of "block", "allow"' }]],
    [
      'severities not an object',
      { severities: ['block'] },
      [{ path: '$.severities', message: 'must be an object from rule id to "info", "confirm" or "block"' }],
    ],
    [
      'an unknown rule',
      { severities: { 'lookalike-domains': 'block' } },
      [{ path: '$.severities["lookalike-domains"]', message: 'unknown rule "lookalike-domains" (did you mean "lookalike-domain"?)' }],
    ],
    [
      'a bad severity',
      { severities: { keyword: 'high' } },
      [{ path: '$.severities.keyword', message: 'must be one of "info", "confirm", "block"' }],
    ],
    ['a $schema that is not a string', { $schema: 1 }, [{ path: '$.$schema', message: 'must be a string (the schema URL)' }]],
  ])('%s', (_name, document, expected) => {
    expect(problemsOf(document)).toEqual(expected);
  });

  test.each([
    ['at the top', '{"__proto__": {"onError": "allow"}}', '$.__proto__'],
    ['in severities', '{"severities": {"__proto__": {"keyword": "info"}}}', '$.severities.__proto__'],
    ['in a keyword', '{"keywords": [{"term": "x", "__proto__": {"action": "block"}}]}', '$.keywords[0].__proto__'],
  ])('__proto__ %s is refused', (_name, json, path) => {
    expect(problemsOf(JSON.parse(json))).toEqual([{ path, message: 'forbidden key "__proto__"' }]);
  });

  test('__proto__ does not reach the prototype of the result', () => {
    parsePolicy(JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('every bad field of one document is reported', () => {
    const problems = problemsOf({
      version: 3,
      internalDomains: ['example.co.jp', 'bad domain', 7],
      mailingLists: ['nope'],
      keywords: [{ term: '' }, { term: 'ok', action: 'stop' }],
      bccSuggestThreshold: -2,
      onError: true,
      severities: { nonsense: 'info', keyword: 'loud' },
      typo: 1,
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      '$.typo',
      '$.version',
      '$.internalDomains[1]',
      '$.internalDomains[2]',
      '$.mailingLists[0]',
      '$.keywords[0].term',
      '$.keywords[1].action',
      '$.bccSuggestThreshold',
      '$.onError',
      '$.severities.nonsense',
      '$.severities.keyword',
    ]);
  });

  test.each([0, 1, 1000])('threshold %d is accepted', (threshold) => {
    expect(policyFrom({ bccSuggestThreshold: threshold }).bccSuggestThreshold).toBe(threshold);
  });
});
