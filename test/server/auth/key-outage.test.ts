import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installAuthentication } from '../../../src/server/auth/authentication.js';
import { installErrorHandlers } from '../../../src/server/error-handler.js';
import { freePort } from '../../../src/bench/free-port.js';
import { logCapture } from '../fixtures.js';
import { startTestIdentity } from '../support/identity.js';

describe('when the signing keys cannot be fetched', () => {
  it('answers 500 "Internal Server Error", not 401, and logs why without the token', async () => {
    const identity = await startTestIdentity();
    const token = await identity.token();
    await identity.close();
    const entra = identity.auth.entra;
    if (entra === undefined) throw new Error('the test identity has Entra settings');
    const capture = logCapture();
    const app = Fastify({ logger: { level: 'info', stream: capture.stream } });
    installErrorHandlers(app);
    // A port just handed out and closed again: nothing listens there, so fetching the keys is refused.
    installAuthentication(app, {
      auth: { ...identity.auth, entra: { ...entra, jwksUrl: `http://127.0.0.1:${await freePort()}/discovery/v2.0/keys` } },
      publicOrigin: 'https://localhost:3000',
    });
    app.get('/api/me', { onRequest: app.authenticate }, async (request) => request.user);
    const response = await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal Server Error' });
    const text = JSON.stringify(capture.records);
    expect(text).toContain('Cannot fetch the Entra ID signing keys');
    expect(text).not.toContain(token);
    await app.close();
  });
});
