import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_POLICY, workspace, type Workspace } from '../fixtures.js';
import { startTestIdentity, type TestIdentity } from '../support/identity.js';
import { ADMIN, startPolicyApp, type PolicyApp } from './policy-app.js';

let files: Workspace;
let identity: TestIdentity;
let server: PolicyApp;

beforeAll(async () => {
  files = workspace();
  identity = await startTestIdentity({ admins: [ADMIN] });
  server = await startPolicyApp(files, identity);
});

afterAll(async () => {
  await server.close();
  await identity.close();
  files.remove();
});

const ROUTES: ReadonlyArray<{ readonly method: string; readonly path: string; readonly body?: unknown }> = [
  { method: 'GET', path: '/api/admin/policy' },
  { method: 'GET', path: '/api/admin/policy/versions' },
  { method: 'GET', path: '/api/admin/policy/versions/1' },
  { method: 'POST', path: '/api/admin/policy', body: { document: GOOD_POLICY, reason: 'r' } },
  { method: 'POST', path: '/api/admin/policy/rollback', body: { version: 1, reason: 'r' } },
];

function edit(n: number): Record<string, unknown> {
  return { ...GOOD_POLICY, bccSuggestThreshold: n };
}

async function activeVersion(): Promise<number> {
  return (await server.call('GET', '/api/admin/policy', ADMIN)).json['version'] as number;
}

describe('who may call /api/admin/policy', () => {
  it.each(ROUTES)(
    '$method $path: 401 without a token, 403 for a signed-in user who is not an administrator',
    async ({ method, path, body }) => {
      expect((await server.call(method, path, null, body)).status).toBe(401);
      const refused = await server.call(method, path, 'plain-user', body);
      expect([refused.status, refused.json['message']]).toEqual([403, 'This needs the Preflight administrator role']);
    },
  );
});

describe('POST /api/admin/policy', () => {
  it('answers 400 invalid-policy with every problem and its JSON path, and changes nothing', async () => {
    const before = await activeVersion();
    const answer = await server.call('POST', '/api/admin/policy', ADMIN, {
      document: { version: 1, internalDomains: ['example.co.jp', 'not a domain'], onEror: 'allow', bccSuggestThreshold: 'three' },
      reason: 'typo',
    });
    expect([answer.status, answer.json['reason']]).toEqual([400, 'invalid-policy']);
    const problems = answer.json['problems'] as Array<{ path: string; message: string }>;
    expect(problems.map((problem) => problem.path).sort()).toEqual(['$.bccSuggestThreshold', '$.internalDomains[1]', '$.onEror']);
    expect(problems.every((problem) => problem.message.length > 0)).toBe(true);
    expect(await activeVersion()).toBe(before);
  });

  it('answers 400 invalid-policy at $ for a document that is not an object', async () => {
    const answer = await server.call('POST', '/api/admin/policy', ADMIN, { document: ['not', 'a', 'policy'], reason: 'wrong shape' });
    expect([answer.status, answer.json['reason'], (answer.json['problems'] as Array<{ path: string }>)[0]?.path]).toEqual([
      400,
      'invalid-policy',
      '$',
    ]);
  });

  it.each([
    ['missing', { document: edit(7) }],
    ['empty', { document: edit(7), reason: '' }],
    ['only spaces', { document: edit(7), reason: '   ' }],
  ])('answers 400 when the reason is %s', async (_case, body) => {
    const answer = await server.call('POST', '/api/admin/policy', ADMIN, body);
    expect([answer.status, String(answer.json['message'])]).toEqual([400, expect.stringContaining('reason')]);
  });

  it('answers 201 with the new version, which is active at once', async () => {
    const before = await activeVersion();
    const answer = await server.call('POST', '/api/admin/policy', ADMIN, {
      document: edit(11),
      reason: 'Bcc from eleven recipients',
      baseVersion: before,
    });
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({
      version: before + 1,
      document: edit(11),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      createdAt: expect.any(String),
      createdBy: { id: expect.stringContaining(ADMIN), address: `${ADMIN}@example.co.jp` },
      reason: 'Bcc from eleven recipients',
      source: 'admin',
    });
    expect((await server.call('GET', '/api/policy', null)).json).toEqual(edit(11));
  });

  it('answers 409 unchanged for the active document, and 409 conflict for a stale baseVersion', async () => {
    await server.call('POST', '/api/admin/policy', ADMIN, { document: edit(12), reason: 'first admin' });
    const current = await activeVersion();
    const same = await server.call('POST', '/api/admin/policy', ADMIN, { document: edit(12), reason: 'again' });
    expect([same.status, same.json['reason'], same.json['activeVersion']]).toEqual([409, 'unchanged', current]);
    const stale = await server.call('POST', '/api/admin/policy', ADMIN, {
      document: edit(13),
      reason: 'second admin',
      baseVersion: current - 1,
    });
    expect([stale.status, stale.json['reason'], stale.json['activeVersion']]).toEqual([409, 'conflict', current]);
    expect(await activeVersion()).toBe(current);
  });

  it('lets only one of two saves from the same version through; the other gets 409 conflict', async () => {
    const base = await activeVersion();
    const answers = await Promise.all(
      [14, 15].map((threshold) =>
        server.call('POST', '/api/admin/policy', ADMIN, { document: edit(threshold), reason: `admin ${threshold}`, baseVersion: base }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(answers.find((answer) => answer.status === 409)?.json).toMatchObject({ reason: 'conflict', activeVersion: base + 1 });
    expect(await activeVersion()).toBe(base + 1);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const big = {
      document: { ...GOOD_POLICY, internalDomains: Array.from({ length: 80_000 }, (_, index) => `d${index}.example.co.jp`) },
      reason: 'big',
    };
    expect(JSON.stringify(big).length).toBeGreaterThan(1_048_576);
    expect((await server.call('POST', '/api/admin/policy', ADMIN, big)).status).toBe(413);
  });
});

describe('versions and rollback', () => {
  it('lists versions newest first without documents, in pages', async () => {
    await server.call('POST', '/api/admin/policy', ADMIN, { document: edit(21), reason: 'for paging' });
    const newest = await activeVersion();
    const first = await server.call('GET', '/api/admin/policy/versions?limit=2', ADMIN);
    const versions = first.json['versions'] as Array<Record<string, unknown>>;
    expect(versions.map((entry) => entry['version'])).toEqual([newest, newest - 1]);
    expect(versions.every((entry) => !('document' in entry))).toBe(true);
    expect(first.json['nextBefore']).toBe(newest - 1);
    const all = await server.call('GET', `/api/admin/policy/versions?before=${newest - 1}&limit=100`, ADMIN);
    const rest = (all.json['versions'] as Array<{ version: number }>).map((entry) => entry.version);
    expect(rest).toEqual(Array.from({ length: newest - 2 }, (_, index) => newest - 2 - index));
    expect(all.json['nextBefore']).toBeNull();
    expect((await server.call('GET', '/api/admin/policy/versions?limit=101', ADMIN)).status).toBe(400);
  });

  it('shows one version with its document, and 404 for one that does not exist', async () => {
    const one = await server.call('GET', '/api/admin/policy/versions/1', ADMIN);
    expect(one.json).toMatchObject({ version: 1, document: GOOD_POLICY, source: 'file', createdBy: null });
    expect((await server.call('GET', '/api/admin/policy/versions/9999', ADMIN)).status).toBe(404);
  });

  it('rolls back by adding a version with the older document, and 404 for an unknown version', async () => {
    await server.call('POST', '/api/admin/policy', ADMIN, { document: edit(31), reason: 'about to be undone' });
    const before = await activeVersion();
    const answer = await server.call('POST', '/api/admin/policy/rollback', ADMIN, { version: 1, reason: 'back to the file' });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      version: before + 1,
      source: 'rollback',
      restoredFrom: 1,
      document: GOOD_POLICY,
      reason: 'back to the file',
    });
    expect((await server.call('GET', '/api/policy', null)).json).toEqual(GOOD_POLICY);
    const again = await server.call('POST', '/api/admin/policy/rollback', ADMIN, { version: 1, reason: 'twice' });
    expect([again.status, again.json['reason']]).toEqual([409, 'unchanged']);
    const missing = await server.call('POST', '/api/admin/policy/rollback', ADMIN, { version: 9999, reason: 'nothing there' });
    expect(missing.status).toBe(404);
    expect(await activeVersion()).toBe(before + 1);
  });
});

describe('the OpenAPI document', () => {
  it('lists every admin route as needing the token, with its schemas', async () => {
    const document = (await server.call('GET', '/api/openapi.json', null)).json as {
      paths: Record<
        string,
        Record<string, { security?: unknown; requestBody?: unknown; responses?: Record<string, unknown>; parameters?: unknown[] }>
      >;
    };
    const route = (path: string, method: string) => document.paths[path]?.[method];
    for (const [method, path, success] of [
      ['get', '/api/admin/policy', '200'],
      ['post', '/api/admin/policy', '201'],
      ['get', '/api/admin/policy/versions', '200'],
      ['get', '/api/admin/policy/versions/{version}', '200'],
      ['post', '/api/admin/policy/rollback', '201'],
    ] as const) {
      expect(route(path, method)?.security, `${method} ${path}`).toEqual([{ entraAccessToken: [] }]);
      expect(Object.keys(route(path, method)?.responses ?? {}), `${method} ${path}`).toEqual(
        expect.arrayContaining([success, '401', '403']),
      );
    }
    expect(JSON.stringify(route('/api/admin/policy', 'post')?.requestBody)).toContain('"baseVersion"');
    expect(JSON.stringify(route('/api/admin/policy', 'post')?.responses?.['400'])).toContain('"problems"');
    expect(JSON.stringify(route('/api/admin/policy/rollback', 'post')?.requestBody)).toContain('"reason"');
    expect(JSON.stringify(route('/api/admin/policy', 'get')?.responses?.['200'])).toContain('"file"');
    expect(route('/api/admin/policy/versions', 'get')?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'limit', in: 'query' }),
        expect.objectContaining({ name: 'before', in: 'query' }),
      ]),
    );
    expect(route('/api/admin/policy/versions/{version}', 'get')?.parameters).toEqual([
      expect.objectContaining({ name: 'version', in: 'path', required: true }),
    ]);
  });
});

// PostgreSQL stores versions as INTEGER; a larger number must be refused before any query is made.
describe('version numbers beyond what the database stores', () => {
  const TOO_LARGE = 3_000_000_000;

  it.each([
    { method: 'GET', path: `/api/admin/policy/versions/${TOO_LARGE}`, field: 'params/version' },
    { method: 'GET', path: `/api/admin/policy/versions?before=${TOO_LARGE}`, field: 'querystring/before' },
    { method: 'POST', path: '/api/admin/policy/rollback', body: { version: TOO_LARGE, reason: 'r' }, field: 'body/version' },
    {
      method: 'POST',
      path: '/api/admin/policy',
      body: { document: GOOD_POLICY, reason: 'r', baseVersion: TOO_LARGE },
      field: 'body/baseVersion',
    },
  ])('$method $path answers 400 naming $field', async ({ method, path, body, field }) => {
    const answer = await server.call(method, path, ADMIN, body);
    expect([answer.status, answer.json['message']]).toEqual([400, `${field} must be <= 2147483647`]);
  });
});
