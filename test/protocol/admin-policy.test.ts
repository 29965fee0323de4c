// The admin policy routes' answers, read strictly.
import { describe, expect, it } from 'vitest';
import { parseActivePolicy, parsePolicyProblems, parsePolicyVersions } from '../../src/protocol/index.js';

const SUMMARY = {
  version: 3,
  sha256: 'ab'.repeat(32),
  createdAt: '2026-12-05T01:00:00.000Z',
  createdBy: { id: 'oid-1', address: 'it@example.co.jp' },
  reason: 'New partner',
  source: 'admin',
};

describe('admin policy answers', () => {
  it('reads the active version with the file’s status', () => {
    const answer = {
      ...SUMMARY,
      document: { onError: 'block' },
      file: { status: 'rejected', problems: [{ path: '$.onError', message: 'bad' }] },
    };
    expect(parseActivePolicy(answer)).toEqual(answer);
  });

  it('reads the history, a file version with no author and a rollback with its origin', () => {
    const versions = [
      { ...SUMMARY, version: 2, source: 'rollback', restoredFrom: 1 },
      { ...SUMMARY, version: 1, source: 'file', createdBy: null },
    ];
    expect(parsePolicyVersions({ versions, nextBefore: null })).toEqual({ versions, nextBefore: null });
    expect(parsePolicyVersions({ versions, nextBefore: 1 })).toEqual({ versions, nextBefore: 1 });
  });

  it.each([
    ['an unknown source', { versions: [{ ...SUMMARY, source: 'git' }], nextBefore: null }],
    ['no version number', { versions: [{ ...SUMMARY, version: '3' }], nextBefore: null }],
    ['no list', {}],
    ['no next page marker', { versions: [SUMMARY] }],
    ['a next page marker that is not a version', { versions: [SUMMARY], nextBefore: '2' }],
  ])('refuses a history with %s', (_name, answer) => {
    expect(parsePolicyVersions(answer)).toBeNull();
  });

  it('refuses an active version without its document or file status', () => {
    expect(parseActivePolicy({ ...SUMMARY, file: { status: 'ok', problems: [] } })).toBeNull();
    expect(parseActivePolicy({ ...SUMMARY, document: {}, file: { status: 'fine', problems: [] } })).toBeNull();
  });

  it('reads a refusal’s problems, or none', () => {
    expect(parsePolicyProblems({ reason: 'invalid-policy', problems: [{ path: '$', message: 'must be a JSON object' }] })).toEqual([
      { path: '$', message: 'must be a JSON object' },
    ]);
    expect(
      parsePolicyProblems({
        problems: [
          {
            path: '$.version',
            message: 'unsupported version 2; this Preflight reads version 1',
            code: 'policy.unsupported-version',
            params: { version: 2 },
          },
        ],
      }),
    ).toEqual([
      {
        path: '$.version',
        message: 'unsupported version 2; this Preflight reads version 1',
        code: 'policy.unsupported-version',
        params: { version: 2 },
      },
    ]);
    expect(parsePolicyProblems({ problems: [{ path: '$', message: 'm', code: 7, params: { nested: {} } }] })).toEqual([
      { path: '$', message: 'm' },
    ]);
    expect(parsePolicyProblems({ message: 'x' })).toEqual([]);
    expect(parsePolicyProblems(null)).toEqual([]);
  });
});
