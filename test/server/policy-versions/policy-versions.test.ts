import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { policyDigest } from '../../../src/check/index.js';
import { startServer } from '../../../src/server/start.js';
import { GOOD_POLICY, workspace, type Workspace } from '../fixtures.js';
import { startTestIdentity, type TestIdentity } from '../support/identity.js';
import { ADMIN, startPolicyApp, storedPolicyConfig, type PolicyApp } from './policy-app.js';

const ADMIN_EDIT = { ...GOOD_POLICY, trustedDomains: ['partner.co.jp'] };
const FILE_EDIT = { ...GOOD_POLICY, internalDomains: ['example.co.jp', 'example-group.co.jp'] };

let files: Workspace;
let identity: TestIdentity;
let running: PolicyApp | undefined;

beforeEach(async () => {
  files = workspace();
  identity = await startTestIdentity({ admins: [ADMIN] });
});

afterEach(async () => {
  await running?.close();
  running = undefined;
  await identity.close();
  files.remove();
});

async function start(overrides: Parameters<typeof startPolicyApp>[2] = {}): Promise<PolicyApp> {
  await running?.close();
  running = await startPolicyApp(files, identity, overrides);
  return running;
}

async function active(server: PolicyApp): Promise<Record<string, unknown>> {
  const answer = await server.call('GET', '/api/admin/policy', ADMIN);
  expect(answer.status).toBe(200);
  return answer.json;
}

async function adminSave(server: PolicyApp, document: unknown): Promise<void> {
  const answer = await server.call('POST', '/api/admin/policy', ADMIN, { document, reason: 'tighten the trusted list' });
  expect(answer.status).toBe(201);
}

describe('which policy wins', () => {
  it('seeds version 1 from the file on first start', async () => {
    const server = await start();
    const served = await server.call('GET', '/api/policy', null);
    expect(await active(server)).toEqual({
      version: 1,
      document: GOOD_POLICY,
      sha256: createHash('sha256').update(served.text).digest('hex'),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      createdBy: null,
      reason: expect.stringMatching(/policy\.json on first start$/),
      source: 'file',
      file: { status: 'ok', problems: [] },
    });
  });

  it('takes a file changed while the server was stopped as a new version at start', async () => {
    await start();
    await running?.close();
    running = undefined;
    files.writePolicy(FILE_EDIT);
    const server = await start();
    expect(await active(server)).toMatchObject({
      version: 2,
      document: FILE_EDIT,
      source: 'file',
      reason: expect.stringMatching(/policy\.json changed$/),
    });
    expect((await server.call('GET', '/api/policy', null)).json).toEqual(FILE_EDIT);
  });

  it("keeps an administrator's save over an unchanged file across a restart, and a later file change wins again", async () => {
    const first = await start();
    await adminSave(first, ADMIN_EDIT);
    // The same content written again (a touch, a copy from backup) is no change.
    files.writePolicy(GOOD_POLICY);
    expect(await first.app.preflight.reloadPolicy()).toEqual({ status: 'unchanged' });
    const restarted = await start();
    expect(await active(restarted)).toMatchObject({ version: 2, source: 'admin', document: ADMIN_EDIT });
    expect((await restarted.call('GET', '/api/policy', null)).json).toEqual(ADMIN_EDIT);

    files.writePolicy(FILE_EDIT);
    expect(await restarted.app.preflight.reloadPolicy()).toEqual({ status: 'updated' });
    expect(await active(restarted)).toMatchObject({ version: 3, source: 'file', document: FILE_EDIT });
  });

  it('takes a file saved while the server runs through the watcher', async () => {
    const server = await start({ watchPolicy: true });
    await adminSave(server, ADMIN_EDIT);
    const reloaded = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (server.logs.some((record) => record.msg === 'Policy reloaded')) {
          clearInterval(timer);
          resolve();
        }
      }, 20);
    });
    files.writePolicy(FILE_EDIT);
    await reloaded;
    expect(await active(server)).toMatchObject({ version: 3, source: 'file', document: FILE_EDIT });
    expect((await server.call('GET', '/api/policy', null)).json).toEqual(FILE_EDIT);
  });

  it('does not make a version of a file whose document is already active', async () => {
    const server = await start();
    files.writePolicy(JSON.stringify(GOOD_POLICY));
    expect(await server.app.preflight.reloadPolicy()).toEqual({ status: 'unchanged' });
    const list = await server.call('GET', '/api/admin/policy/versions', ADMIN);
    expect((list.json['versions'] as unknown[]).length).toBe(1);
  });
});

describe('a bad policy file', () => {
  const BAD = { version: 1, internalDomains: ['not a domain'], bccSuggestThreshold: -1 };

  it('keeps the active version, and healthz and the admin view say the file was rejected', async () => {
    const server = await start();
    await adminSave(server, ADMIN_EDIT);
    files.writePolicy(BAD);
    expect((await server.app.preflight.reloadPolicy()).status).toBe('rejected');
    expect((await server.call('GET', '/api/policy', null)).json).toEqual(ADMIN_EDIT);
    const health = await server.call('GET', '/healthz', null);
    expect([health.status, health.json]).toEqual([
      200,
      expect.objectContaining({ status: 'policy-file-rejected', policyVersion: 2, policyFile: { status: 'rejected', problems: 2 } }),
    ]);
    const view = await active(server);
    expect(view['version']).toBe(2);
    const paths = (view['file'] as { problems: Array<{ path: string }> }).problems.map((problem) => problem.path).sort();
    expect([(view['file'] as { status: string }).status, paths]).toEqual(['rejected', ['$.bccSuggestThreshold', '$.internalDomains[0]']]);
    expect(server.logs.some((record) => record.msg.startsWith('Policy edit rejected') && record.level === 50)).toBe(true);
  });

  it('does not stop a restart when a stored version stands in, and a missing file is reported as missing', async () => {
    await start();
    files.writePolicy('{ "version": 1,');
    const restarted = await start();
    expect((await restarted.call('GET', '/api/policy', null)).json).toEqual(GOOD_POLICY);
    expect((await restarted.call('GET', '/healthz', null)).json).toMatchObject({
      status: 'policy-file-rejected',
      policyFile: { status: 'rejected', problems: 1 },
    });

    rmSync(files.policyFile);
    expect((await restarted.app.preflight.reloadPolicy()).status).toBe('rejected');
    expect((await restarted.call('GET', '/healthz', null)).json).toMatchObject({
      status: 'policy-file-missing',
      policyFile: { status: 'missing', problems: 1 },
    });
    expect((await active(restarted))['file']).toEqual({
      status: 'missing',
      problems: [{ path: '$', message: 'the file does not exist', code: 'policy.file-missing' }],
    });

    files.writePolicy(GOOD_POLICY);
    expect(await restarted.app.preflight.reloadPolicy()).toEqual({ status: 'unchanged' });
    expect((await restarted.call('GET', '/healthz', null)).json).toMatchObject({ status: 'ok', policyFile: { status: 'ok', problems: 0 } });
  });
});

describe('startServer with a data directory', () => {
  const startOptions = (overrides: Parameters<typeof storedPolicyConfig>[2] = {}) => ({
    server: storedPolicyConfig(files, identity, { logLevel: 'silent', ...overrides }),
    listen: { host: '127.0.0.1', port: 0 },
    tls: { kind: 'off' as const },
    certificates: { directory: join(files.directory, 'certs'), trustedDirectory: null },
  });

  it('refuses a bad file when no version is stored, and starts on the stored version when one is', async () => {
    files.writePolicy('{ "version": 1,');
    await expect(startServer(startOptions())).rejects.toMatchObject({ code: 'bad-policy' });
    files.writePolicy(GOOD_POLICY);
    await (await startServer(startOptions())).app.close();

    files.writePolicy('{ "version": 1,');
    const restarted = await startServer(startOptions());
    try {
      const health = await fetch(`${restarted.listeningUrl}/healthz`);
      expect(await health.json()).toMatchObject({ status: 'policy-file-rejected', policyVersion: 1 });
      expect(await (await fetch(`${restarted.listeningUrl}/api/policy`)).json()).toEqual(GOOD_POLICY);
    } finally {
      await restarted.app.close();
    }
  });
});

describe('what clients get', () => {
  it('GET /api/policy, its ETag and the boot line follow the active version; the header digest names the same document', async () => {
    const server = await start();
    const before = await server.call('GET', '/launchevent.js', null);
    const etag = (await server.app.inject('/api/policy')).headers.etag;
    await adminSave(server, ADMIN_EDIT);

    const policy = await server.app.inject('/api/policy');
    expect(policy.json()).toEqual(ADMIN_EDIT);
    expect(policy.headers.etag).not.toBe(etag);
    expect((await server.app.inject({ url: '/api/policy', headers: { 'if-none-match': String(policy.headers.etag) } })).statusCode).toBe(
      304,
    );

    const script = await server.call('GET', '/launchevent.js', null);
    expect(script.text).not.toBe(before.text);
    const context: Record<string, unknown> = { Office: { actions: { associate: () => undefined } } };
    runInNewContext(script.text, context);
    expect((context['PREFLIGHT_BOOT'] as { policy: unknown }).policy).toEqual(ADMIN_EDIT);

    const view = await active(server);
    expect(policyDigest(ADMIN_EDIT)).toBe(String(view['sha256']).slice(0, 12));
    expect((await server.call('GET', '/healthz', null)).json).toMatchObject({
      policyVersion: 2,
      policySha256: view['sha256'],
      policyEtag: policy.headers.etag,
    });
  });
});
