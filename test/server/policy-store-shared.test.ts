import fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PolicyStore } from '../../src/server/policy-store.js';
import { memoryPolicyVersions } from '../../src/server/storage/memory-policy-versions.js';
import type { PolicyVersionStore } from '../../src/server/storage/policy-version-store.js';
import { GOOD_POLICY, workspace, type Workspace } from './fixtures.js';

const ADMIN_EDIT = { ...GOOD_POLICY, trustedDomains: ['partner.co.jp'] };
const FILE_EDIT = { ...GOOD_POLICY, internalDomains: ['example.co.jp', 'example-group.co.jp'] };
const silent = fastify({ logger: false }).log;

let files: Workspace;
let database: PolicyVersionStore;

beforeEach(() => {
  files = workspace();
  database = memoryPolicyVersions();
});

afterEach(() => files.remove());

/** Two server instances on one database, each with its own view of the active version. */
async function twoInstances(): Promise<[PolicyStore, PolicyStore]> {
  return [await PolicyStore.open(files.policyFile, database, silent), await PolicyStore.open(files.policyFile, database, silent)];
}

describe('a policy file edit on instances sharing a database', () => {
  it("wins over another instance's save that this instance has not refreshed yet", async () => {
    const [saving, watching] = await twoInstances();
    const saved = await saving.save({ document: ADMIN_EDIT, reason: 'tighten', by: { id: 'admin-oid', address: null } });
    expect(saved.status).toBe('created');

    files.writePolicy(FILE_EDIT);
    expect(await watching.reload()).toEqual({ status: 'updated' });

    expect(watching.activeVersion).toMatchObject({ version: 3, source: 'file' });
    expect(JSON.parse(watching.current.json)).toEqual(FILE_EDIT);
    expect(await saving.refresh()).toBe(true);
    expect(JSON.parse(saving.current.json)).toEqual(FILE_EDIT);
  });
});
