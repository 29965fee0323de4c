// The typed readers: each gives a good value, reports each kind of bad value at its path, and collects every
// problem of a document rather than stopping at the first.
import { describe, expect, it } from 'vitest';
import {
  ROOT_PATH,
  booleanReader,
  checkKeys,
  childPath,
  choiceReader,
  hasKey,
  integerReader,
  isRecord,
  listReader,
  readMember,
  readRequired,
  recordReader,
  stringReader,
  type JsonProblem,
  type JsonReader,
} from '../../../src/policy/json/json-reader.js';

type Said = { readonly message: string };
type Problems = JsonProblem<Said>[];

function read<T>(reader: JsonReader<T, Said>, value: unknown): { value: T | undefined; problems: Problems } {
  const problems: Problems = [];
  return { value: reader(value, ROOT_PATH, problems), problems };
}

const text = stringReader({ message: 'text' });

describe('childPath', () => {
  it.each([
    ['$', 'to', '$.to'],
    ['$.to', 3, '$.to[3]'],
    ['$', '$schema', '$.$schema'],
    ['$.severities', 'lookalike-domain', '$.severities["lookalike-domain"]'],
    ['$', 'with "quote"', '$["with \\"quote\\""]'],
    ['$', '1st', '$["1st"]'],
  ])('%s + %j is %s', (parent, key, path) => {
    expect(childPath(parent, key)).toBe(path);
  });
});

describe('isRecord and hasKey', () => {
  it('takes plain objects only', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord(Object.create(null))).toBe(true);
    for (const value of [null, [], 'x', 1, true, undefined, new Date(0), new Map()]) expect(isRecord(value)).toBe(false);
  });

  it('counts own keys only', () => {
    expect(hasKey({ a: undefined }, 'a')).toBe(true);
    expect(hasKey({}, 'toString')).toBe(false);
  });
});

describe('typed readers', () => {
  it.each([
    ['string', text, 'x', [1, null, [], {}, true]],
    ['boolean', booleanReader({ message: 'text' }), false, ['false', 0, null]],
    ['choice', choiceReader(['block', 'allow'], { message: 'text' }), 'allow', ['Allow', 1, null]],
    ['record', recordReader({ message: 'text' }), { a: 1 }, [[], null, 'x', 1]],
  ] as const)('%s: reads a good value and reports each bad one at its path', (_kind, reader, good, bad) => {
    expect(read(reader as JsonReader<unknown, Said>, good)).toEqual({ value: good, problems: [] });
    for (const value of bad) {
      expect(read(reader as JsonReader<unknown, Said>, value)).toEqual({ value: undefined, problems: [{ path: '$', message: 'text' }] });
    }
  });

  it('integer: a whole number in range; any other number or type says which is wrong', () => {
    const reader = integerReader(0, 10, { notInteger: { message: 'whole' }, outOfRange: (value) => ({ message: `range ${value}` }) });
    expect(read(reader, 10)).toEqual({ value: 10, problems: [] });
    expect(read(reader, 0)).toEqual({ value: 0, problems: [] });
    for (const value of [1.5, '3', Number.NaN, null]) expect(read(reader, value).problems).toEqual([{ path: '$', message: 'whole' }]);
    expect(read(reader, 11).problems).toEqual([{ path: '$', message: 'range 11' }]);
    expect(read(reader, -1).problems).toEqual([{ path: '$', message: 'range -1' }]);
  });

  it('list: reads every item at its index and reports every bad one', () => {
    const reader = listReader({ message: 'list' }, text);
    expect(read(reader, ['a', 'b'])).toEqual({ value: ['a', 'b'], problems: [] });
    expect(read(reader, [])).toEqual({ value: [], problems: [] });
    expect(read(reader, { 0: 'a' })).toEqual({ value: undefined, problems: [{ path: '$', message: 'list' }] });
    expect(read(reader, ['a', 1, 'b', null])).toEqual({
      value: undefined,
      problems: [
        { path: '$[1]', message: 'text' },
        { path: '$[3]', message: 'text' },
      ],
    });
  });
});

describe('members and keys', () => {
  const keyProblems = { forbidden: { message: 'forbidden' }, unknown: (key: string) => ({ message: `unknown ${key}` }) };

  it('reads a present member at its path, and an absent one as undefined without a problem', () => {
    const problems: Problems = [];
    expect(readMember({ a: 'x' }, 'a', '$.p', problems, text)).toBe('x');
    expect(readMember({}, 'a', '$.p', problems, text)).toBeUndefined();
    expect(problems).toEqual([]);
    expect(readMember({ 'a-b': 2 }, 'a-b', '$.p', problems, text)).toBeUndefined();
    expect(problems).toEqual([{ path: '$.p["a-b"]', message: 'text' }]);
  });

  it('reports a required member that is missing at the path it should have', () => {
    const problems: Problems = [];
    expect(readRequired({}, 'address', '$.to[0]', problems, text, { message: 'missing' })).toBeUndefined();
    expect(readRequired({ address: 'a@b' }, 'address', '$.to[0]', problems, text, { message: 'missing' })).toBe('a@b');
    expect(problems).toEqual([{ path: '$.to[0].address', message: 'missing' }]);
  });

  it('reports every unknown key and __proto__, and passes the allowed ones', () => {
    const problems: Problems = [];
    const record = JSON.parse('{"to": [], "bcc": [], "ttl": 1, "__proto__": {}}') as Record<string, unknown>;
    checkKeys(record, ['to', 'bcc'], '$', problems, keyProblems);
    expect(problems).toEqual([
      { path: '$.ttl', message: 'unknown ttl' },
      { path: '$.__proto__', message: 'forbidden' },
    ]);
  });

  it('collects the problems of nested objects and lists with their full paths', () => {
    const recipient: JsonReader<string, Said> = (value, path, problems) => {
      const record = recordReader({ message: 'object' })(value, path, problems);
      if (record === undefined) return undefined;
      checkKeys(record, ['address'], path, problems, keyProblems);
      return readRequired(record, 'address', path, problems, text, { message: 'missing' });
    };
    const message: JsonReader<string[], Said> = (value, path, problems) => {
      const record = recordReader({ message: 'object' })(value, path, problems);
      return record === undefined
        ? undefined
        : readMember(record, 'recipients', path, problems, listReader({ message: 'list' }, recipient));
    };
    const document = { recipients: [{ address: 'a@x' }, { address: 3 }, 'b@x', { adress: 'c@x' }] };
    expect(read(message, document)).toEqual({
      value: undefined,
      problems: [
        { path: '$.recipients[1].address', message: 'text' },
        { path: '$.recipients[2]', message: 'object' },
        { path: '$.recipients[3].adress', message: 'unknown adress' },
        { path: '$.recipients[3].address', message: 'missing' },
      ],
    });
  });

  it('passes what the caller says about a problem through as it is', () => {
    const problems: JsonProblem<{ readonly code: string; readonly message: { readonly key: string } }>[] = [];
    stringReader({ code: 'not-text', message: { key: 'cli.snapshot.expectedString' } })(1, '$.subject', problems);
    expect(problems).toEqual([{ path: '$.subject', code: 'not-text', message: { key: 'cli.snapshot.expectedString' } }]);
  });
});
