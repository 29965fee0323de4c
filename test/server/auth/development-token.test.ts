import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app.js';
import { DEVELOPMENT_USER, developmentTokenWarning, matchesDevelopmentToken } from '../../../src/server/auth/development-token.js';
import { StartupError } from '../../../src/server/startup-error.js';
import { logCapture, workspace, type Workspace } from '../fixtures.js';

const TOKEN = 'local-development-token-1234';
let files: Workspace | undefined;
let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  files?.remove();
  app = undefined;
  files = undefined;
});

async function start(overrides: Parameters<Workspace['config']>[0], logStream?: NodeJS.WritableStream): Promise<FastifyInstance> {
  files = workspace();
  app = await buildApp(
    files.config({ logLevel: logStream === undefined ? 'silent' : 'warn', ...overrides }),
    logStream === undefined ? {} : { logStream },
  );
  return app;
}

describe('the development token', () => {
  it('signs in as the development administrator when configured, and warns at start', async () => {
    const capture = logCapture();
    const server = await start({ auth: { developmentToken: { token: TOKEN, forced: false }, admins: [] } }, capture.stream);
    const response = await server.inject({ url: '/api/me', headers: { authorization: `Bearer ${TOKEN}` } });
    expect([response.statusCode, response.json()]).toEqual([200, DEVELOPMENT_USER]);
    expect(capture.records.some((line) => line.level === 40 && line.msg.startsWith('DEVELOPMENT MODE'))).toBe(true);
    expect(JSON.stringify(capture.records)).not.toContain(TOKEN);
  });

  it('is refused when it is not configured, even by an app without Entra ID', async () => {
    const server = await start({});
    const response = await server.inject({ url: '/api/me', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(401);
  });

  it('refuses a near miss', async () => {
    const server = await start({ auth: { developmentToken: { token: TOKEN, forced: false }, admins: [] } });
    const response = await server.inject({ url: '/api/me', headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(response.statusCode).toBe(401);
  });

  it('stops buildApp on a public origin unless forced', async () => {
    files = workspace();
    const config = files.config({
      publicOrigin: 'https://preflight.example.co.jp',
      auth: { developmentToken: { token: TOKEN, forced: false }, admins: [] },
    });
    await expect(buildApp({ ...config, logLevel: 'silent' })).rejects.toBeInstanceOf(StartupError);
    app = await buildApp({ ...config, logLevel: 'silent', auth: { developmentToken: { token: TOKEN, forced: true }, admins: [] } });
    expect((await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(200);
  });
});

describe('matchesDevelopmentToken', () => {
  it.each([
    [TOKEN, true],
    [`${TOKEN} `, false],
    [TOKEN.slice(0, -1), false],
    ['', false],
  ])('%j → %s', (candidate, expected) => {
    expect(matchesDevelopmentToken(candidate, TOKEN)).toBe(expected);
  });
});

describe('developmentTokenWarning', () => {
  it('is null without the token and a loud block naming the origin with it', () => {
    expect(developmentTokenWarning(undefined, 'https://localhost:3000')).toBeNull();
    expect(developmentTokenWarning({ admins: [] }, 'https://localhost:3000')).toBeNull();
    const warning = developmentTokenWarning(
      { developmentToken: { token: TOKEN, forced: true }, admins: [] },
      'https://preflight.example.co.jp',
    );
    expect(warning).toContain('DEVELOPMENT MODE');
    expect(warning).toContain('https://preflight.example.co.jp');
    expect(warning).toContain('PREFLIGHT_DEV_TOKEN_FORCE');
    expect(warning).not.toContain(TOKEN);
  });
});
