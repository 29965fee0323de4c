// GET /api/auth-config: how the review pane gets a token, answered without one.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { readAuthEnvironment, type AuthConfig } from '../../../src/server/auth/auth-config.js';
import { clientAuthConfig } from '../../../src/server/auth/auth-config-route.js';
import { buildApp } from '../../../src/server/app.js';
import { logCapture, workspace, type Workspace } from '../fixtures.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SECOND_TENANT = '0d2a4f4e-1111-4c2b-9a57-6c1d2e3f4a5b';
const CLIENT = '5b1e1c7e-aaaa-4bbb-8ccc-0123456789ab';
const LOCAL = 'https://localhost:3000';
const PUBLIC = 'https://preflight.example.co.jp';
const DEV_TOKEN = 'a-long-enough-dev-token';

function authFrom(env: Record<string, string>, origin = LOCAL): AuthConfig | undefined {
  const read = readAuthEnvironment(env, origin);
  if (read.problems.length > 0) throw new Error(read.problems.join('; '));
  return read.auth;
}

const ENTRA = { PREFLIGHT_ENTRA_TENANT: TENANT, PREFLIGHT_ENTRA_AUDIENCE: 'api://preflight.example.co.jp/5b1e1c7e, 1f0a8c4e' };

describe('clientAuthConfig', () => {
  it.each<[string, Record<string, string>, string, unknown]>([
    [
      'Entra ID with the client id: authority of the tenant, the api:// scope',
      { ...ENTRA, PREFLIGHT_ENTRA_CLIENT_ID: CLIENT.toUpperCase() },
      PUBLIC,
      {
        mode: 'entra',
        clientId: CLIENT,
        authority: `https://login.microsoftonline.com/${TENANT}`,
        scopes: ['api://preflight.example.co.jp/5b1e1c7e/access_as_user'],
      },
    ],
    [
      'several tenants: the organizations authority; an application id as the audience; a custom scope',
      {
        PREFLIGHT_ENTRA_TENANT: `${TENANT},${SECOND_TENANT}`,
        PREFLIGHT_ENTRA_AUDIENCE: CLIENT,
        PREFLIGHT_ENTRA_CLIENT_ID: CLIENT,
        PREFLIGHT_ENTRA_SCOPE: 'Files.Protect',
      },
      PUBLIC,
      {
        mode: 'entra',
        clientId: CLIENT,
        authority: 'https://login.microsoftonline.com/organizations',
        scopes: [`${CLIENT}/Files.Protect`],
      },
    ],
    [
      'Entra ID wins over a development token',
      { ...ENTRA, PREFLIGHT_ENTRA_CLIENT_ID: CLIENT, PREFLIGHT_DEV_TOKEN: DEV_TOKEN },
      LOCAL,
      {
        mode: 'entra',
        clientId: CLIENT,
        authority: `https://login.microsoftonline.com/${TENANT}`,
        scopes: ['api://preflight.example.co.jp/5b1e1c7e/access_as_user'],
      },
    ],
    ['Entra ID without a client id and no development token: none', ENTRA, PUBLIC, { mode: 'none' }],
    [
      'Entra ID without a client id, development token on localhost',
      { ...ENTRA, PREFLIGHT_DEV_TOKEN: DEV_TOKEN },
      LOCAL,
      { mode: 'development', token: DEV_TOKEN },
    ],
    ['the development token on localhost', { PREFLIGHT_DEV_TOKEN: DEV_TOKEN }, LOCAL, { mode: 'development', token: DEV_TOKEN }],
    [
      'a forced development token on a public origin is never handed out',
      { PREFLIGHT_DEV_TOKEN: DEV_TOKEN, PREFLIGHT_DEV_TOKEN_FORCE: 'true' },
      PUBLIC,
      { mode: 'none' },
    ],
    ['nothing configured', {}, LOCAL, { mode: 'none' }],
  ])('%s', (_name, env, origin, expected) => {
    expect(clientAuthConfig(authFrom(env, origin), origin)).toEqual(expected);
  });
});

describe('PREFLIGHT_ENTRA_CLIENT_ID', () => {
  it.each([
    [{ PREFLIGHT_ENTRA_CLIENT_ID: CLIENT }, 'PREFLIGHT_ENTRA_CLIENT_ID needs PREFLIGHT_ENTRA_TENANT and PREFLIGHT_ENTRA_AUDIENCE'],
    [
      { ...ENTRA, PREFLIGHT_ENTRA_CLIENT_ID: 'preflight-addin' },
      `PREFLIGHT_ENTRA_CLIENT_ID is the add-in's application (client) id, a GUID, not "preflight-addin"`,
    ],
  ])('refuses %j', (env, problem) => {
    expect(readAuthEnvironment(env, LOCAL).problems.join('; ')).toContain(problem);
  });
});

describe('GET /api/auth-config', () => {
  let files: Workspace | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    files?.remove();
    app = undefined;
    files = undefined;
  });

  async function start(auth: AuthConfig | undefined): Promise<FastifyInstance> {
    files = workspace();
    app = await buildApp(files.config(auth === undefined ? {} : { auth }), { logStream: logCapture().stream });
    return app;
  }

  it('answers without a token, never cached, in each mode', async () => {
    const entra = await start(authFrom({ ...ENTRA, PREFLIGHT_ENTRA_CLIENT_ID: CLIENT }));
    const response = await entra.inject({ url: '/api/auth-config' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      mode: 'entra',
      clientId: CLIENT,
      authority: `https://login.microsoftonline.com/${TENANT}`,
      scopes: ['api://preflight.example.co.jp/5b1e1c7e/access_as_user'],
    });
    await app?.close();
    files?.remove();

    const development = await start(authFrom({ PREFLIGHT_DEV_TOKEN: DEV_TOKEN }));
    expect((await development.inject({ url: '/api/auth-config' })).json()).toEqual({ mode: 'development', token: DEV_TOKEN });
    await app?.close();
    files?.remove();

    const none = await start(undefined);
    expect((await none.inject({ url: '/api/auth-config' })).json()).toEqual({ mode: 'none' });
  });

  it('is in the OpenAPI document without the bearer token requirement', async () => {
    const server = await start(undefined);
    const document = (await server.inject('/api/openapi.json')).json() as {
      paths: Record<string, { get?: { security?: unknown; responses?: Record<string, unknown> } }>;
    };
    const operation = document.paths['/api/auth-config']?.get;
    expect(operation?.responses?.['200']).toBeDefined();
    expect(operation?.security).toBeUndefined();
  });
});
