import fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PolicyStore } from '../../src/server/policy-store.js';
import { memoryPolicyVersions } from '../../src/server/storage/memory-policy-versions.js';
import { GOOD_POLICY, workspace, type Workspace } from './fixtures.js';

const silent = fastify({ logger: false }).log;
/** What an older Preflight stored and this parser refuses (here a value the parser does not accept). */
const OLD_DOCUMENT = JSON.stringify({ version: 1, onError: 'maybe' });
const FIXED_FILE = { ...GOOD_POLICY, trustedDomains: ['partner.co.jp'] };

let files: Workspace;

beforeEach(() => {
  files = workspace(GOOD_POLICY);
});

afterEach(() => files.remove());

describe('a stored active version the current parser refuses', () => {
  it('can be replaced by editing the policy file, as the startup error asks', async () => {
    const versions = memoryPolicyVersions();
    await versions.appendPolicyVersion(
      {
        documentJson: OLD_DOCUMENT,
        sha256: 'x',
        createdAt: 0,
        reason: 'older release',
        source: 'admin',
        createdBy: null,
        restoredFrom: null,
      },
      null,
    );
    // The administrator does what the message says and saves a valid policy, in the file (the API is down with the server).
    files.writePolicy(FIXED_FILE);

    const store = await PolicyStore.open(files.policyFile, versions, silent);
    expect(JSON.parse(store.current.json)).toEqual(FIXED_FILE);
  });
});
