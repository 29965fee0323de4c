import Encoding from 'encoding-japanese';
import { writeFileSync } from 'node:fs';
import fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PolicyStore } from '../../src/server/policy-store.js';
import { memoryPolicyVersions } from '../../src/server/storage/memory-policy-versions.js';
import { runCli } from '../cli/captured-io.js';
import { GOOD_POLICY, workspace, type Workspace } from './fixtures.js';

const silent = fastify({ logger: false }).log;

/** The same policy with one more trusted domain, saved as Shift_JIS (Notepad's "ANSI" on Japanese Windows). */
const EDIT = {
  version: 1,
  internalDomains: ['example.co.jp'],
  trustedDomains: ['partner.co.jp'],
  keywords: [{ term: '社外秘', action: 'block' }],
};
const shiftJis = (text: string): Uint8Array =>
  Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));

let files: Workspace;

beforeEach(() => {
  files = workspace(GOOD_POLICY);
});

afterEach(() => files.remove());

describe('a policy file that is not UTF-8', () => {
  it('is refused by the server as by `preflight policy check`, and the last good policy stays', async () => {
    const store = await PolicyStore.open(files.policyFile, memoryPolicyVersions(), silent);
    const before = store.current.json;
    writeFileSync(files.policyFile, shiftJis(JSON.stringify(EDIT, null, 2)));

    const cli = await runCli(['policy', 'check', files.policyFile]);
    expect(cli.code).toBe(65);
    expect(cli.stderr).toContain('not UTF-8 text');

    const outcome = await store.reload();
    expect(outcome.status).toBe('rejected');
    expect(store.current.json).toBe(before);
  });
});

describe('a policy file that is not UTF-8 at first start', () => {
  it('stops the server with the problem and its code', async () => {
    writeFileSync(files.policyFile, shiftJis(JSON.stringify(EDIT, null, 2)));
    const opening = PolicyStore.open(files.policyFile, memoryPolicyVersions(), silent);
    await expect(opening).rejects.toThrow('is not a valid policy');
    await expect(opening).rejects.toMatchObject({ details: [expect.stringContaining('$: not UTF-8 text')] });
  });
});
