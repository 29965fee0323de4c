import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../../src/server/api-hygiene/log-redaction.js';
import { buildApp } from '../../../src/server/app.js';
import { logCapture, workspace, type Workspace } from '../fixtures.js';
import { startTestIdentity, type TestIdentity } from '../support/identity.js';
import { hygieneApp } from './hygiene-app.js';

describe('redactUrl', () => {
  it.each([
    ['/api/me', '/api/me'],
    ['/d/Zx81kP0q-secret', '/d/[redacted]'],
    ['/d/Zx81kP0q-secret/download', '/d/[redacted]/download'],
    ['/d/Zx81kP0q-secret?otp=123456', '/d/[redacted]?otp=[redacted]'],
    ['/api/policy?access_token=eyJ.secret&flag', '/api/policy?access_token=[redacted]&flag'],
    ['/download/d/keep', '/download/d/keep'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('log lines never hold tokens, codes, passwords or content', () => {
  const SECRETS = {
    linkToken: 'Lk7Q2linktokensecretvalue',
    otp: '917364',
    password: 'Pa55-w0rd-zip-secret',
    badToken: 'bogus.bearer.tokenvalue',
    content: 'JVBERi0xLjcgY29uZmlkZW50aWFs',
    cookie: 'session=cookie-secret-value',
  };
  let identity: TestIdentity;
  let files: Workspace;
  let validToken: string;
  const capture = logCapture();

  beforeAll(async () => {
    identity = await startTestIdentity();
    files = workspace();
    validToken = await identity.token('logged-user');
  });
  afterAll(async () => {
    await identity.close();
    files.remove();
  });

  it('holds none of them after requests through buildApp at trace level', async () => {
    const app = await buildApp(files.config({ logLevel: 'trace', auth: identity.auth }), { logStream: capture.stream });
    await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${validToken}`, cookie: SECRETS.cookie } });
    await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${SECRETS.badToken}` } });
    await app.inject({ url: `/d/${SECRETS.linkToken}?otp=${SECRETS.otp}` });
    await app.inject({
      method: 'POST',
      url: `/api/protect?password=${SECRETS.password}`,
      headers: { authorization: `Bearer ${validToken}`, 'content-type': 'application/json' },
      payload: { password: SECRETS.password, contentBase64: SECRETS.content },
    });
    await app.close();
    const text = capture.records.map((record) => JSON.stringify(record)).join('\n');
    expect(capture.records.filter((record) => record.msg === 'incoming request').length).toBe(4);
    expect(text).toContain('/d/[redacted]?otp=[redacted]');
    for (const secret of [validToken, ...Object.values(SECRETS)]) expect(text).not.toContain(secret);
  });

  it('censors secret fields in whatever a route logs', async () => {
    const local = logCapture();
    const app = await hygieneApp({
      logStream: local.stream,
      routes: async (instance) => {
        instance.post('/api/upload', async (request) => {
          request.log.info({ body: request.body }, 'received');
          request.log.info({ headers: request.headers }, 'headers');
          request.log.info(
            { password: SECRETS.password, otp: SECRETS.otp, upload: { password: SECRETS.password, content: SECRETS.content, size: 42 } },
            'details',
          );
          return { ok: true };
        });
      },
    });
    const response = await app.inject({
      method: 'POST',
      url: '/api/upload',
      headers: { authorization: `Bearer ${SECRETS.badToken}`, cookie: SECRETS.cookie },
      payload: { password: SECRETS.password, otp: SECRETS.otp },
    });
    expect(response.statusCode).toBe(200);
    await app.close();
    const text = local.records.map((record) => JSON.stringify(record)).join('\n');
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(local.records.find((record) => record.msg === 'details')).toMatchObject({
      password: '[redacted]',
      upload: { password: '[redacted]', size: 42 },
    });
  });
});
