import { describe, expect, test } from 'vitest';
import { DEFAULT_POLICY, parsePolicy } from '../../src/policy/parse-policy.js';
import type { PolicyProblem } from '../../src/policy/types.js';
import { policyFrom, problemsOf, type PathMessage } from './fixtures.js';

describe('content-inspection defaults', () => {
  test('My Number and cards to the outside block; lists of contacts confirm; nothing for internal mail', () => {
    expect(
      DEFAULT_POLICY.personalData.map((entry) => [entry.kind, entry.recipients, entry.atLeast, entry.action, entry.confidence]),
    ).toEqual([
      ['my-number', 'external', 1, 'block', 'high'],
      ['payment-card', 'external', 1, 'block', 'high'],
      ['bank-account', 'external', 5, 'confirm', 'high'],
      ['email', 'external', 10, 'confirm', 'high'],
      ['phone', 'external', 10, 'confirm', 'high'],
      ['address', 'external', 10, 'confirm', 'high'],
    ]);
    expect(DEFAULT_POLICY).toMatchObject({ encryptedAttachments: 'confirm', uninspectableAttachments: 'confirm', partners: [] });
    expect(Object.isFrozen(DEFAULT_POLICY.personalData)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.personalData[0])).toBe(true);
  });

  test('a threshold takes external recipients, confirm and high confidence unless told', () => {
    expect(policyFrom({ personalData: [{ kind: 'email', atLeast: 20 }] }).personalData).toEqual([
      { kind: 'email', recipients: 'external', atLeast: 20, action: 'confirm', confidence: 'high' },
    ]);
  });

  test('the list replaces the defaults; [] turns the check off', () => {
    expect(policyFrom({ personalData: [] }).personalData).toEqual([]);
  });

  test('partners: names NFKC-normalised, domains in ASCII, aliases optional', () => {
    expect(policyFrom({ partners: [{ name: ' ＡＢＣ商事 ', domains: ['ABC.co.jp', '日本語.jp'] }] }).partners).toEqual([
      { name: 'ABC商事', aliases: [], domains: ['abc.co.jp', 'xn--wgv71a119e.jp'] },
    ]);
  });

  test.each(['allow', 'info', 'confirm', 'block'])('attachment action %s is accepted', (action) => {
    expect(policyFrom({ encryptedAttachments: action, uninspectableAttachments: action })).toMatchObject({
      encryptedAttachments: action,
      uninspectableAttachments: action,
    });
  });
});

describe('content-inspection problems', () => {
  test.each<[string, unknown, PathMessage[]]>([
    [
      'personalData not an array',
      { personalData: { kind: 'email' } },
      [{ path: '$.personalData', message: 'must be an array of threshold objects' }],
    ],
    [
      'a threshold that is a string',
      { personalData: ['email'] },
      [
        {
          path: '$.personalData[0]',
          message: 'must be an object with "kind", "atLeast" and optionally "recipients", "action", "confidence"',
        },
      ],
    ],
    [
      'a bad kind',
      { personalData: [{ kind: 'passport', atLeast: 1 }] },
      [
        {
          path: '$.personalData[0].kind',
          message:
            'must be one of "my-number", "corporate-number", "payment-card", "phone", "postal-code", "address", "email", "bank-account"',
        },
      ],
    ],
    [
      'a negative threshold',
      { personalData: [{ kind: 'email', atLeast: -1 }] },
      [{ path: '$.personalData[0].atLeast', message: 'out of range: -1 (must be from 1 to 100000)' }],
    ],
    [
      'a zero threshold',
      { personalData: [{ kind: 'email', atLeast: 0 }] },
      [{ path: '$.personalData[0].atLeast', message: 'out of range: 0 (must be from 1 to 100000)' }],
    ],
    [
      'a fractional threshold',
      { personalData: [{ kind: 'email', atLeast: 1.5 }] },
      [{ path: '$.personalData[0].atLeast', message: 'must be a whole number from 1 to 100000' }],
    ],
    [
      'a missing kind and threshold',
      { personalData: [{ action: 'block' }] },
      [
        { path: '$.personalData[0].kind', message: 'required' },
        { path: '$.personalData[0].atLeast', message: 'required' },
      ],
    ],
    [
      'a bad recipient class',
      { personalData: [{ kind: 'email', atLeast: 1, recipients: 'outside' }] },
      [{ path: '$.personalData[0].recipients', message: 'must be one of "external", "internal", "any"' }],
    ],
    [
      'a bad action',
      { personalData: [{ kind: 'email', atLeast: 1, action: 'allow' }] },
      [{ path: '$.personalData[0].action', message: 'must be one of "info", "confirm", "block"' }],
    ],
    [
      'a bad confidence',
      { personalData: [{ kind: 'email', atLeast: 1, confidence: 'low' }] },
      [{ path: '$.personalData[0].confidence', message: 'must be one of "high", "any"' }],
    ],
    [
      'an unknown threshold key',
      { personalData: [{ kind: 'email', threshold: 1, atLeast: 1 }] },
      [{ path: '$.personalData[0].threshold', message: 'unknown key "threshold"' }],
    ],
    [
      'a typo in a threshold key',
      { personalData: [{ kind: 'email', atleast: 3 }] },
      [
        { path: '$.personalData[0].atleast', message: 'unknown key "atleast" (did you mean "atLeast"?)' },
        { path: '$.personalData[0].atLeast', message: 'required' },
      ],
    ],
    [
      'the same threshold twice',
      {
        personalData: [
          { kind: 'email', atLeast: 10 },
          { kind: 'email', atLeast: 10, action: 'block' },
        ],
      },
      [{ path: '$.personalData[1]', message: 'duplicate of $.personalData[0]; keep one of the two' }],
    ],
    [
      'a bad encrypted action',
      { encryptedAttachments: 'deny' },
      [{ path: '$.encryptedAttachments', message: 'must be one of "allow", "info", "confirm", "block"' }],
    ],
    [
      'a bad uninspectable action',
      { uninspectableAttachments: true },
      [{ path: '$.uninspectableAttachments', message: 'must be one of "allow", "info", "confirm", "block"' }],
    ],
    [
      'a severity for a rule with its own key',
      { severities: { 'personal-data': 'block' } },
      [{ path: '$.severities["personal-data"]', message: 'set by $.personalData, not here' }],
    ],
    [
      'a severity for encrypted attachments',
      { severities: { 'encrypted-attachment': 'block' } },
      [{ path: '$.severities["encrypted-attachment"]', message: 'set by $.encryptedAttachments, not here' }],
    ],
    ['partners not an array', { partners: { name: 'x' } }, [{ path: '$.partners', message: 'must be an array of partner objects' }]],
    [
      'a partner without name or domains',
      { partners: [{ aliases: ['x'] }] },
      [
        { path: '$.partners[0].name', message: 'required' },
        { path: '$.partners[0].domains', message: 'required' },
      ],
    ],
    [
      'a partner with no domain',
      { partners: [{ name: 'ABC', domains: [] }] },
      [{ path: '$.partners[0].domains', message: 'must name at least one domain' }],
    ],
    [
      'a partner with a bad domain',
      { partners: [{ name: 'ABC', domains: ['abc'] }] },
      [{ path: '$.partners[0].domains[0]', message: 'not a valid domain: "abc"' }],
    ],
    [
      'an empty alias',
      { partners: [{ name: 'ABC', aliases: [' '], domains: ['abc.co.jp'] }] },
      [{ path: '$.partners[0].aliases[0]', message: 'must be a non-empty string' }],
    ],
    [
      'a partner name too long once normalised',
      { partners: [{ name: `${'Ａ'.repeat(200)}B`, domains: ['abc.co.jp'] }] },
      [{ path: '$.partners[0].name', message: 'too long: 201 characters (at most 200)' }],
    ],
    [
      'an unknown partner key',
      { partners: [{ name: 'ABC', domain: ['abc.co.jp'], domains: ['abc.co.jp'] }] },
      [{ path: '$.partners[0].domain', message: 'unknown key "domain" (did you mean "domains"?)' }],
    ],
    [
      'a name used by two partners',
      {
        partners: [
          { name: 'ABC', domains: ['abc.co.jp'] },
          { name: 'ABC Holdings', aliases: ['ａｂｃ'], domains: ['abc-hd.co.jp'] },
        ],
      },
      [{ path: '$.partners[1]', message: '"abc" also names $.partners[0]' }],
    ],
  ])('%s', (_name, document, expected) => {
    expect(problemsOf(document)).toEqual(expected);
  });

  test.each([
    [
      'in a threshold',
      '{"personalData": [{"kind": "email", "atLeast": 1, "__proto__": {"action": "block"}}]}',
      '$.personalData[0].__proto__',
    ],
    ['in a partner', '{"partners": [{"name": "x", "domains": ["x.jp"], "__proto__": {}}]}', '$.partners[0].__proto__'],
  ])('__proto__ %s is refused', (_name, json, path) => {
    expect(problemsOf(JSON.parse(json))).toEqual([{ path, message: 'forbidden key "__proto__"' }]);
  });
});
