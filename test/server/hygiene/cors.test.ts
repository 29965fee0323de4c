import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app.js';
import { workspace, type Workspace } from '../fixtures.js';
import { startTestIdentity, type TestIdentity } from '../support/identity.js';

const ADDIN = 'https://localhost:3000';
const OTHER = 'https://evil.example';

let files: Workspace;
let identity: TestIdentity;
let app: FastifyInstance;

beforeAll(async () => {
  files = workspace();
  identity = await startTestIdentity();
  app = await buildApp(files.config({ logLevel: 'silent', auth: identity.auth }));
});

afterAll(async () => {
  await app.close();
  await identity.close();
  files.remove();
});

function preflight(origin: string, url = '/api/me') {
  return app.inject({
    method: 'OPTIONS',
    url,
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });
}

describe('CORS', () => {
  it('answers a preflight from the add-in origin before authentication, allowing the bearer header', async () => {
    const response = await preflight(ADDIN);
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(ADDIN);
    expect(String(response.headers['access-control-allow-headers'])).toMatch(/\bAuthorization\b/);
    expect(String(response.headers['access-control-allow-headers'])).toMatch(/\bContent-Type\b/);
    expect(String(response.headers['access-control-allow-methods'])).toContain('POST');
    expect(response.headers['access-control-max-age']).toBe('600');
    expect(String(response.headers.vary)).toContain('Origin');
  });

  it('gives a preflight from another origin no CORS headers', async () => {
    const response = await preflight(OTHER);
    expect(response.statusCode).toBe(404);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('names the add-in origin on an API answer to it, and no origin on an answer to another', async () => {
    const authorization = `Bearer ${await identity.token()}`;
    const own = await app.inject({ url: '/api/me', headers: { origin: ADDIN, authorization } });
    expect([own.statusCode, own.headers['access-control-allow-origin']]).toEqual([200, ADDIN]);
    expect(String(own.headers['access-control-expose-headers'])).toContain('Retry-After');
    const other = await app.inject({ url: '/api/me', headers: { origin: OTHER, authorization } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('keeps /api/policy readable by the add-in origin, with or without an Origin header', async () => {
    expect((await preflight(ADDIN, '/api/policy')).headers['access-control-allow-origin']).toBe(ADDIN);
    expect((await app.inject({ url: '/api/policy', headers: { origin: ADDIN } })).headers['access-control-allow-origin']).toBe(ADDIN);
    expect((await app.inject({ url: '/api/policy', headers: { origin: OTHER } })).headers['access-control-allow-origin']).toBe(ADDIN);
  });
});
