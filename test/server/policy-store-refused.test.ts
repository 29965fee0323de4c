// A stored version the current parser refuses (saved by an older or newer release sharing the database):
// the file replaces it at start, and a running server keeps serving (docs/admin.md, "Policy versions").
import fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PolicyStore } from '../../src/server/policy-store.js';
import { StartupError } from '../../src/server/startup-error.js';
import { memoryPolicyVersions } from '../../src/server/storage/memory-policy-versions.js';
import type { PolicyVersionStore } from '../../src/server/storage/policy-version-store.js';
import { GOOD_POLICY, logCapture, workspace, type LogRecord, type Workspace } from './fixtures.js';

const REFUSED = JSON.stringify({ version: 1, onError: 'maybe' });
const FILE_EDIT = { ...GOOD_POLICY, trustedDomains: ['partner.co.jp'] };
const ERROR = 50;

let files: Workspace;
let versions: PolicyVersionStore;
let logs: ReturnType<typeof logCapture>;

function logger() {
  return fastify({ logger: { level: 'info', stream: logs.stream } }).log;
}

async function storeRefused(previous: number | null): Promise<void> {
  const added = await versions.appendPolicyVersion(
    { documentJson: REFUSED, sha256: 'x', createdAt: 0, reason: 'other release', source: 'admin', createdBy: null, restoredFrom: null },
    previous,
  );
  expect(added).not.toBeNull();
}

const errors = (): LogRecord[] => logs.records.filter((record) => record.level === ERROR);

beforeEach(() => {
  files = workspace(GOOD_POLICY);
  versions = memoryPolicyVersions();
  logs = logCapture();
});

afterEach(() => files.remove());

describe('at start, a stored active version the parser refuses', () => {
  it('is replaced by a valid policy file, with a reason and its problems logged as an error', async () => {
    await storeRefused(null);
    const store = await PolicyStore.open(files.policyFile, versions, logger());
    expect(store.activeVersion).toMatchObject({ version: 2, source: 'file' });
    expect(store.activeVersion.reason).toContain('stored version 1 is not valid any more');
    expect(JSON.parse(store.current.json)).toEqual(GOOD_POLICY);
    expect(errors()).toEqual([expect.objectContaining({ version: 1, problems: [expect.stringMatching(/^version 1: \$\.onError: /)] })]);
    // The file was taken: a restart serves version 2 and adds nothing.
    const again = await PolicyStore.open(files.policyFile, versions, logger());
    expect(again.activeVersion.version).toBe(2);
  });

  it('stops the server, naming both, when the file is bad too', async () => {
    await storeRefused(null);
    files.writePolicy({ version: 1, keywords: 'x' });
    const opening = PolicyStore.open(files.policyFile, versions, logger());
    await expect(opening).rejects.toBeInstanceOf(StartupError);
    const error = (await opening.catch((caught: unknown) => caught)) as StartupError;
    expect(error.message).toMatch(
      /Stored policy version 1 is not a valid policy any more, and .*policy\.json is not a valid policy either/,
    );
    expect(error.message).toContain('fix');
    expect(error.details).toEqual([expect.stringMatching(/^version 1: \$\.onError/), expect.stringMatching(/policy\.json: \$\.keywords/)]);
  });
});

describe('in a running server, a version another instance stored that this one refuses', () => {
  it('leaves the current policy served and logs the version and its problems', async () => {
    const store = await PolicyStore.open(files.policyFile, versions, logger());
    const before = store.current.json;
    await storeRefused(1);

    expect(await store.refresh()).toBe(false);
    expect(store.current.json).toBe(before);
    expect(errors()).toEqual([expect.objectContaining({ version: 2, problems: [expect.stringMatching(/^version 2: \$\.onError/)] })]);
  });

  it('does not fail a file reload, and the edit replaces the refused version', async () => {
    const store = await PolicyStore.open(files.policyFile, versions, logger());
    await storeRefused(1);

    files.writePolicy(FILE_EDIT);
    expect(await store.reload()).toEqual({ status: 'updated' });
    expect(store.activeVersion).toMatchObject({ version: 3, source: 'file' });
    expect(JSON.parse(store.current.json)).toEqual(FILE_EDIT);
    expect((await versions.activePolicyVersion())?.version).toBe(3);
  });
});
