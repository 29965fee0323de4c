import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORBIDDEN_BODY, installAuthentication } from '../../../src/server/auth/authentication.js';
import { startTestIdentity, type TestIdentity } from '../support/identity.js';

let identity: TestIdentity;
let app: FastifyInstance;

beforeAll(async () => {
  identity = await startTestIdentity({ admins: ['listed-admin-oid', 'boss@example.co.jp'] });
  app = Fastify();
  installAuthentication(app, { auth: identity.auth, publicOrigin: 'https://localhost:3000' });
  app.get('/admin', { onRequest: [app.authenticate, app.requireAdmin] }, async (request) => ({
    id: request.user?.id,
    isAdmin: request.user?.isAdmin,
  }));
  app.get('/unguarded-admin', { onRequest: app.requireAdmin }, async () => ({ reached: true }));
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await identity.close();
});

async function admin(oid: string, claims: Record<string, unknown> = {}) {
  return app.inject({ url: '/admin', headers: { authorization: `Bearer ${await identity.token(oid, { claims })}` } });
}

describe('app.requireAdmin', () => {
  it.each([
    ['the Preflight.Admin app role', 'role-admin', { roles: ['Preflight.Reader', 'Preflight.Admin'] }],
    ['an object id in the admin list', 'LISTED-ADMIN-OID', {}],
    ['an address in the admin list', 'someone', { preferred_username: 'Boss@Example.co.jp' }],
  ])('lets %s through', async (_case, oid, claims) => {
    const response = await admin(oid, claims);
    expect([response.statusCode, response.json().isAdmin]).toEqual([200, true]);
  });

  it.each([
    ['no roles', 'plain-user', {}],
    ['another role', 'reader', { roles: ['Preflight.Reader'] }],
    ['the role name in the scope instead of roles', 'sneaky', { scp: 'access_as_user Preflight.Admin' }],
  ])('answers 403 to a user with %s', async (_case, oid, claims) => {
    const response = await admin(oid, claims);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual(FORBIDDEN_BODY);
  });

  it('answers 401, not 403, when the token is bad', async () => {
    const response = await app.inject({ url: '/admin', headers: { authorization: 'Bearer x.y.z' } });
    expect(response.statusCode).toBe(401);
  });

  it('is a 500 (a bug in the route) when authenticate did not run first', async () => {
    const response = await app.inject({ url: '/unguarded-admin' });
    expect(response.statusCode).toBe(500);
  });
});
