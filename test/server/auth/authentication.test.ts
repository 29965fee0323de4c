import type { FastifyInstance } from 'fastify';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app.js';
import { UNAUTHORIZED_BODY, WWW_AUTHENTICATE } from '../../../src/server/auth/authentication.js';
import { v1Issuer, v2Issuer } from '../../../src/server/auth/entra-token.js';
import { logCapture, workspace, type Workspace } from '../fixtures.js';
import { AUDIENCE, KEY_ID, startTestIdentity, TENANT_ID, type TestIdentity } from '../support/identity.js';

const OTHER_TENANT = '0d2a4f4e-1111-4c2b-9a57-6c1d2e3f4a5b';
const now = (): number => Math.floor(Date.now() / 1000);

let files: Workspace;
let identity: TestIdentity;
let app: FastifyInstance;
const capture = logCapture();

beforeAll(async () => {
  files = workspace();
  identity = await startTestIdentity();
  app = await buildApp(files.config({ auth: identity.auth }), { logStream: capture.stream });
});

afterAll(async () => {
  await app.close();
  await identity.close();
  files.remove();
});

function me(authorization?: string) {
  return app.inject({ url: '/api/me', headers: authorization === undefined ? {} : { authorization } });
}

function unsigned(header: Record<string, unknown>, payload: Record<string, unknown>, signature = ''): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part(header)}.${part(payload)}.${signature}`;
}

describe('app.authenticate with Entra ID tokens', () => {
  it('accepts a valid token, fetching the keys from the JWKS over HTTP, and fills request.user', async () => {
    const response = await me(`Bearer ${await identity.token('5b1e1c7e-aaaa-4bbb-8ccc-0123456789ab')}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: `${TENANT_ID}:5b1e1c7e-aaaa-4bbb-8ccc-0123456789ab`,
      tenantId: TENANT_ID,
      email: '5b1e1c7e-aaaa-4bbb-8ccc-0123456789ab@example.co.jp',
      name: 'User 5b1e1c7e-aaaa-4bbb-8ccc-0123456789ab',
      isAdmin: false,
    });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(identity.jwksRequests()).toBeGreaterThan(0);
  });

  it('takes the address from upn when preferred_username is absent and keeps the key on tid + oid', async () => {
    const token = await identity.token('user-upn', { claims: { preferred_username: undefined, upn: 'Taro.Yamada@example.co.jp' } });
    expect((await me(`Bearer ${token}`)).json()).toMatchObject({ id: `${TENANT_ID}:user-upn`, email: 'Taro.Yamada@example.co.jp' });
  });

  const refusals: Array<[string, () => Promise<string | undefined>, RegExp]> = [
    ['no Authorization header', async () => undefined, /no Authorization header/],
    ['a Basic header', async () => 'Basic dXNlcjpwYXNz', /malformed/],
    ['Bearer without a token', async () => 'Bearer ', /malformed/],
    ['a token with spaces', async () => 'Bearer abc def', /malformed/],
    ['not a JWT', async () => 'Bearer not-a-jwt', /ERR_JWS_INVALID|ERR_JWT_INVALID/],
    [
      'another audience',
      async () => `Bearer ${await identity.token('u', { claims: { aud: 'api://someone-else' } })}`,
      /ERR_JWT_CLAIM_VALIDATION_FAILED aud/,
    ],
    [
      'another issuer',
      async () => `Bearer ${await identity.token('u', { claims: { iss: 'https://evil.example/v2.0' } })}`,
      /ERR_JWT_CLAIM_VALIDATION_FAILED iss/,
    ],
    [
      'a v1 issuer when v1 is not accepted',
      async () => `Bearer ${await identity.token('u', { claims: { iss: v1Issuer(TENANT_ID) } })}`,
      /ERR_JWT_CLAIM_VALIDATION_FAILED iss/,
    ],
    [
      'a tenant that is not allowed (its own issuer)',
      async () => `Bearer ${await identity.token('u', { claims: { tid: OTHER_TENANT, iss: v2Issuer(OTHER_TENANT) } })}`,
      /ERR_JWT_CLAIM_VALIDATION_FAILED iss/,
    ],
    [
      'a tenant that is not allowed (the allowed issuer)',
      async () => `Bearer ${await identity.token('u', { claims: { tid: OTHER_TENANT } })}`,
      /tenant not allowed/,
    ],
    [
      'expired',
      async () => `Bearer ${await identity.token('u', { claims: { exp: now() - 600, iat: now() - 4200, nbf: now() - 4200 } })}`,
      /ERR_JWT_EXPIRED/,
    ],
    [
      'not yet valid',
      async () => `Bearer ${await identity.token('u', { claims: { nbf: now() + 600 } })}`,
      /ERR_JWT_CLAIM_VALIDATION_FAILED nbf/,
    ],
    [
      'without exp',
      async () => `Bearer ${await identity.token('u', { claims: { exp: undefined } })}`,
      /ERR_JWT_CLAIM_VALIDATION_FAILED exp/,
    ],
    [
      'without oid',
      async () => `Bearer ${await identity.token('u', { claims: { oid: undefined } })}`,
      /ERR_JWT_CLAIM_VALIDATION_FAILED oid/,
    ],
    [
      'signed by another key under the published key id',
      async () => `Bearer ${await identity.token('u', { foreignKey: true })}`,
      /ERR_JWS_SIGNATURE_VERIFICATION_FAILED/,
    ],
    [
      'signed by another key under an unknown key id',
      async () => `Bearer ${await identity.token('u', { foreignKey: true, keyId: 'unknown-key' })}`,
      /ERR_JWKS_NO_MATCHING_KEY/,
    ],
    [
      'alg none',
      async () => `Bearer ${unsigned({ alg: 'none', typ: 'JWT' }, identity.claims('u'))}`,
      /ERR_JOSE_ALG_NOT_ALLOWED|ERR_JWS_INVALID/,
    ],
    [
      'HS256 signed with a guessable secret',
      async () =>
        `Bearer ${await new SignJWT(identity.claims('u')).setProtectedHeader({ alg: 'HS256', kid: KEY_ID }).sign(new TextEncoder().encode('secret'))}`,
      /ERR_JOSE_ALG_NOT_ALLOWED/,
    ],
    [
      'missing the scope',
      async () => `Bearer ${await identity.token('u', { claims: { scp: 'User.Read' } })}`,
      /missing scope access_as_user/,
    ],
    [
      'an app-only token (roles, no scp)',
      async () => `Bearer ${await identity.token('u', { claims: { scp: undefined, roles: ['Preflight.Admin'] } })}`,
      /missing scope/,
    ],
  ];

  it.each(refusals)('refuses %s with the same 401 and logs why', async (_case, authorization, reason) => {
    const header = await authorization();
    const before = capture.records.length;
    const response = await me(header);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual(UNAUTHORIZED_BODY);
    expect(response.headers['www-authenticate']).toBe(WWW_AUTHENTICATE);
    const failures = capture.records.slice(before).filter((line) => line.msg === 'Authentication failed');
    expect(failures).toHaveLength(1);
    expect(String(failures[0]?.['authFailure'])).toMatch(reason);
    const token = header?.split(' ')[1];
    if (token !== undefined && token !== '') expect(JSON.stringify(capture.records)).not.toContain(token);
  });

  it('gives every refusal exactly the same status, headers that matter and body', async () => {
    const answers = await Promise.all(
      refusals.map(async ([, authorization]) => {
        const response = await me(await authorization());
        return [response.statusCode, response.headers['www-authenticate'], response.body];
      }),
    );
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
  });
});
