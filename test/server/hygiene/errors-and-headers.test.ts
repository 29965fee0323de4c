import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT_BYTES } from '../../../src/server/api-hygiene/limits-config.js';
import { hygieneApp } from './hygiene-app.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await hygieneApp({
    routes: async (instance) => {
      instance.post(
        '/api/links',
        {
          schema: {
            body: {
              type: 'object',
              required: ['expiryDays'],
              additionalProperties: false,
              properties: { expiryDays: { type: 'integer', minimum: 1, maximum: 30 }, note: { type: 'string' } },
            },
          },
        },
        async () => ({ created: true }),
      );
      instance.get('/api/cached', async (_request, reply) => reply.header('Cache-Control', 'no-cache').send({ ok: true }));
      instance.get('/d/:token', async () => 'landing');
      instance.get('/public.txt', async () => 'public');
      instance.get('/api/private', { onRequest: instance.authenticate }, async () => ({ secret: true }));
      instance.get('/api/broken', async () => {
        throw new Error('disk /srv/preflight/blobs is full');
      });
    },
  });
});

afterAll(async () => {
  await app.close();
});

describe('errors say what was wrong', () => {
  it.each([
    [{ expiryDays: 31 }, 'body/expiryDays must be <= 30'],
    [{}, "body must have required property 'expiryDays'"],
    [{ expiryDays: '7 days' }, 'body/expiryDays must be integer'],
  ])('400 for %j names the field', async (payload, message) => {
    const response = await app.inject({ method: 'POST', url: '/api/links', payload });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ statusCode: 400, error: 'Bad Request', message });
  });

  it('413 for a body over the limit', async () => {
    const payload = JSON.stringify({ expiryDays: 7, note: 'x'.repeat(DEFAULT_BODY_LIMIT_BYTES) });
    const response = await app.inject({ method: 'POST', url: '/api/links', payload, headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large', message: expect.stringMatching(/too large/i) });
  });

  it('415 for a body that is not JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/links',
      payload: 'expiryDays=7',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(415);
  });

  it('only "Internal Server Error" for a 5xx', async () => {
    const response = await app.inject('/api/broken');
    expect(response.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal Server Error' });
  });
});

describe('cache headers', () => {
  it.each([
    ['/api/links', 'no-store'],
    ['/d/some-link', 'no-store'],
    ['/api/cached', 'no-cache'],
    ['/public.txt', undefined],
  ])('%s → %s', async (url, expected) => {
    const response = await app.inject({
      method: url === '/api/links' ? 'POST' : 'GET',
      url,
      payload: url === '/api/links' ? { expiryDays: 1 } : undefined,
    });
    expect(response.headers['cache-control']).toBe(expected);
  });

  it('no-store and the bearer challenge on a refused token', async () => {
    const response = await app.inject({ url: '/api/private', headers: { authorization: 'Bearer x.y.z' } });
    expect([response.statusCode, response.headers['cache-control']]).toEqual([401, 'no-store']);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
  });
});
