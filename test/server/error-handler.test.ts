import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installErrorHandlers } from '../../src/server/error-handler.js';
import { logCapture } from './fixtures.js';

describe('error handlers', () => {
  it('says only "Internal Server Error" on a 5xx and logs the detail', async () => {
    const logs = logCapture();
    const app = Fastify({ logger: { level: 'info', stream: logs.stream } });
    installErrorHandlers(app);
    app.get('/boom', { schema: { response: { 200: { type: 'object' } } } }, async () => {
      throw new Error('secret detail: /srv/preflight/keys');
    });
    const response = await app.inject('/boom');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal Server Error' });
    expect(response.body).not.toContain('secret');
    const logged = logs.records.find((record) => record.msg === 'Request failed');
    expect(JSON.stringify(logged)).toContain('secret detail');
    await app.close();
  });

  it('explains a 4xx', async () => {
    const app = Fastify();
    installErrorHandlers(app);
    app.get('/limited', { schema: { querystring: { type: 'object', properties: { n: { type: 'integer' } } } } }, async () => ({}));
    const response = await app.inject('/limited?n=abc');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.stringContaining('querystring/n') });
    await app.close();
  });
});
