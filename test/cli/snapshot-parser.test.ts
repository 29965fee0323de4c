import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/translate.js';
import type { Problem } from '../../src/cli/problem.js';
import { parseSnapshot } from '../../src/cli/snapshot-parser.js';

/** `path: message` in English, the form a user reads on stderr. */
function problemLines(document: unknown): string[] {
  const parsed = parseSnapshot(document);
  if (parsed.ok) return [];
  return parsed.problems.map(({ path, message }: Problem) => `${path}: ${translate('en', message.key, message.params)}`);
}

describe('parseSnapshot', () => {
  it('reads the snapshot format docs/cli.md describes, as it is', () => {
    const document = {
      from: { address: 'taro@example.co.jp', name: '山田 太郎' },
      to: [{ address: 'hanako@partner.co.jp', name: 'Hanako', type: 'externalUser' }],
      cc: [],
      bcc: [],
      originalRecipients: [{ address: 'hanako@partner.co.jp' }],
      subject: '見積書',
      body: 'plain text of the body',
      attachments: [{ name: '見積書.xlsx', size: 18342, inline: false, contentBase64: 'YSxiCjEsMgo=' }],
    };
    expect(parseSnapshot(document)).toEqual({ ok: true, value: document });
  });

  it('fills in what a hand-written snapshot leaves out, and keeps originalRecipients absent', () => {
    const parsed = parseSnapshot({ to: [{ address: 'a@example.jp' }], attachments: [{ name: 'a.pdf', size: 1 }] });
    expect(parsed).toEqual({
      ok: true,
      value: {
        to: [{ address: 'a@example.jp' }],
        cc: [],
        bcc: [],
        subject: '',
        body: '',
        attachments: [{ name: 'a.pdf', size: 1, inline: false }],
      },
    });
  });

  it('keeps an Office attachment id', () => {
    const parsed = parseSnapshot({ attachments: [{ id: 'AAMk=', name: 'a.pdf', size: 0, inline: true }] });
    expect(parsed).toMatchObject({ ok: true, value: { attachments: [{ id: 'AAMk=', name: 'a.pdf', size: 0, inline: true }] } });
  });

  it.each<[string, unknown, string[]]>([
    ['not an object', [], ['$: expected an object']],
    ['null', null, ['$: expected an object']],
    ['address not a string', { to: [{ address: 'a@b.jp' }, { address: 5 }] }, ['$.to[1].address: expected a string']],
    ['address missing', { cc: [{ name: 'A' }] }, ['$.cc[0].address: required field is missing']],
    ['recipient not an object', { bcc: ['a@b.jp'] }, ['$.bcc[0]: expected an object']],
    ['list not an array', { to: { address: 'a@b.jp' } }, ['$.to: expected an array']],
    [
      'bad recipient type',
      { to: [{ address: 'a@b.jp', type: 'external' }] },
      ['$.to[0].type: expected one of: user, externalUser, distributionList, other'],
    ],
    [
      'type on originalRecipients',
      { originalRecipients: [{ address: 'a@b.jp', type: 'user' }] },
      ['$.originalRecipients[0].type: unknown field'],
    ],
    ['from not an object', { from: 'a@b.jp' }, ['$.from: expected an object']],
    ['name not a string', { from: { address: 'a@b.jp', name: null } }, ['$.from.name: expected a string']],
    ['subject not a string', { subject: 1 }, ['$.subject: expected a string']],
    ['body not a string', { body: ['x'] }, ['$.body: expected a string']],
    ['misspelt field', { atachments: [] }, ['$.atachments: unknown field']],
    ['odd field name', { 'to ': [] }, ['$["to "]: unknown field']],
    ['__proto__ key', JSON.parse('{"__proto__": {"to": []}}'), ['$.__proto__: key not allowed']],
    ['nested __proto__ key', JSON.parse('{"to": [{"address": "a@b.jp", "__proto__": 1}]}'), ['$.to[0].__proto__: key not allowed']],
    [
      'attachment without name and size',
      { attachments: [{}] },
      ['$.attachments[0].name: required field is missing', '$.attachments[0].size: required field is missing'],
    ],
    ['negative size', { attachments: [{ name: 'a', size: -1 }] }, ['$.attachments[0].size: expected a whole number of bytes, 0 or more']],
    [
      'fractional size',
      { attachments: [{ name: 'a', size: 1.5 }] },
      ['$.attachments[0].size: expected a whole number of bytes, 0 or more'],
    ],
    ['size as text', { attachments: [{ name: 'a', size: '10' }] }, ['$.attachments[0].size: expected a whole number of bytes, 0 or more']],
    ['inline as text', { attachments: [{ name: 'a', size: 1, inline: 'no' }] }, ['$.attachments[0].inline: expected true or false']],
    [
      'content not base64',
      { attachments: [{ name: 'a', size: 1, contentBase64: 'abc' }] },
      ['$.attachments[0].contentBase64: expected base64 (A-Z, a-z, 0-9, +, / and = padding, no line breaks)'],
    ],
  ])('rejects %s', (_name, document, expected) => {
    expect(problemLines(document)).toEqual(expected);
  });

  it('reports every bad field at once', () => {
    const lines = problemLines({
      to: [{ address: 'a@b.jp' }, { address: 5 }],
      cc: {},
      subject: 3,
      attachments: [{ name: 'x', size: -1, inline: 'no' }],
    });
    expect(lines).toEqual([
      '$.to[1].address: expected a string',
      '$.cc: expected an array',
      '$.subject: expected a string',
      '$.attachments[0].size: expected a whole number of bytes, 0 or more',
      '$.attachments[0].inline: expected true or false',
    ]);
  });

  it('has a string in both tables for every problem it can report', () => {
    const names = [
      'expectedObject',
      'expectedArray',
      'expectedString',
      'expectedBoolean',
      'expectedSize',
      'expectedBase64',
      'expectedRecipientType',
      'missingField',
      'unknownField',
      'forbiddenKey',
    ] as const;
    const keys = names.map((name) => `cli.snapshot.${name}` as const);
    for (const key of keys) {
      expect(translate('en', key)).not.toBe(key);
      expect(translate('ja', key)).not.toBe(translate('en', key));
    }
  });
});
