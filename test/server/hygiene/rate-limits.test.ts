import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app.js';
import { workspace, type Workspace } from '../fixtures.js';
import { startTestIdentity, type TestIdentity } from '../support/identity.js';
import { hygieneApp } from './hygiene-app.js';

let identity: TestIdentity;
beforeAll(async () => {
  identity = await startTestIdentity();
});
afterAll(async () => {
  await identity.close();
});

describe('per-user rate limit (buildApp, GET /api/me)', () => {
  let files: Workspace;
  let app: FastifyInstance;
  beforeAll(async () => {
    files = workspace();
    app = await buildApp(
      files.config({ logLevel: 'silent', auth: identity.auth, rateLimits: { perUserPerMinute: 3, perLinkPerMinute: 2 } }),
    );
  });
  afterAll(async () => {
    await app.close();
    files.remove();
  });

  async function statuses(oid: string, count: number): Promise<number[]> {
    const authorization = `Bearer ${await identity.token(oid)}`;
    const codes: number[] = [];
    for (let index = 0; index < count; index += 1)
      codes.push((await app.inject({ url: '/api/me', headers: { authorization } })).statusCode);
    return codes;
  }

  it('answers 429 with Retry-After once a user passes the limit, and counts each user apart', async () => {
    expect(await statuses('alice', 3)).toEqual([200, 200, 200]);
    const tokenForAlice = `Bearer ${await identity.token('alice')}`;
    const refused = await app.inject({ url: '/api/me', headers: { authorization: tokenForAlice } });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringContaining('Rate limit exceeded'),
    });
    expect(await statuses('bob', 3)).toEqual([200, 200, 200]);
  });

  it('keys on the verified user, not the address: a fresh token of the same user is still limited', async () => {
    expect(await statuses('carol', 4)).toEqual([200, 200, 200, 429]);
    expect(await statuses('carol', 1)).toEqual([429]);
  });

  it('does not count refused tokens against anyone, nor limit the public policy', async () => {
    for (let index = 0; index < 5; index += 1)
      expect((await app.inject({ url: '/api/me', headers: { authorization: 'Bearer x.y.z' } })).statusCode).toBe(401);
    expect(await statuses('dave', 3)).toEqual([200, 200, 200]);
    for (let index = 0; index < 6; index += 1) expect((await app.inject('/api/policy')).statusCode).toBe(200);
  });
});

describe('per-link rate limit (recipient pages /d/:token)', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await hygieneApp({
      rateLimits: { perUserPerMinute: 100, perLinkPerMinute: 2 },
      routes: async (instance) => {
        instance.get(
          '/d/:token',
          { schema: { params: { type: 'object', properties: { token: { type: 'string' } } } } },
          async () => 'landing',
        );
        instance.post(
          '/d/:token/download',
          { schema: { params: { type: 'object', properties: { token: { type: 'string' } } } } },
          async () => 'bytes',
        );
      },
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('limits each link over its landing page and download together, and leaves other links alone', async () => {
    expect((await app.inject('/d/link-one')).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/d/link-one/download' })).statusCode).toBe(200);
    const refused = await app.inject('/d/link-one');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await app.inject('/d/link-two')).statusCode).toBe(200);
  });
});
