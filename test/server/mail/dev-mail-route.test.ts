// GET /api/dev/mail and the development token's hand-out: only the developer, only on a development server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app.js';
import type { AuthConfig } from '../../../src/server/auth/auth-config.js';
import { generatedDevelopmentAuth } from '../../../src/server/auth/generated-development-token.js';
import { DEFAULT_LINK_LIMITS } from '../../../src/server/links/link-limits.js';
import type { SmtpConfig } from '../../../src/server/mail/code-mailer.js';
import { parseDevMailAnswer } from '../../../src/protocol/index.js';
import { workspace, type Workspace } from '../fixtures.js';
import { startTestIdentity } from '../support/identity.js';

const TOKEN = 'generated-token-for-the-test-0123456789';
const RELAY: SmtpConfig = { host: '127.0.0.1', port: 1, secure: false, from: 'Preflight <no-reply@example.co.jp>' };
const PAGE = { 'sec-fetch-site': 'same-origin', host: 'localhost:3000' };

let files: Workspace | undefined;
let data: string | undefined;
let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  files?.remove();
  if (data !== undefined) rmSync(data, { recursive: true, force: true });
  app = undefined;
  files = undefined;
  data = undefined;
});

async function start(auth: AuthConfig | undefined, options: { publicOrigin?: string; smtp?: SmtpConfig } = {}): Promise<FastifyInstance> {
  files = workspace();
  data = mkdtempSync(join(tmpdir(), 'preflight-dev-mail-'));
  app = await buildApp(
    files.config({
      logLevel: 'silent',
      ...(options.publicOrigin === undefined ? {} : { publicOrigin: options.publicOrigin }),
      ...(auth === undefined ? {} : { auth }),
      links: {
        dataDirectory: data,
        keyring: { kind: 'generated', dataDirectory: data },
        smtp: options.smtp ?? null,
        limits: DEFAULT_LINK_LIMITS,
      },
    }),
  );
  return app;
}

async function sendCode(server: FastifyInstance, to: string, code: string): Promise<void> {
  await server.secureLinks?.context.mailer?.send({ to, code, minutes: 10, locale: 'en' });
}

describe('GET /api/dev/mail', () => {
  it('shows the developer the one-time codes the server would have mailed, newest first', async () => {
    const server = await start(generatedDevelopmentAuth(TOKEN));
    await sendCode(server, 'hanako@partner.example', '482913');
    await sendCode(server, 'bob@other.example', '105577');
    await server.approvals?.context.mailer?.send({
      to: 'boss@example.co.jp',
      sender: 'taro@example.co.jp',
      url: 'https://localhost:3000/approve/x',
      expiresAt: 0,
    });
    const response = await server.inject({ url: '/api/dev/mail', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const answer = parseDevMailAnswer(response.json());
    expect(answer?.messages.map((mail) => mail.to)).toEqual(['boss@example.co.jp', 'bob@other.example', 'hanako@partner.example']);
    expect(answer?.messages[2]?.text).toContain('482913');
  });

  it('is a plain 404 for everyone else: no token, a wrong token, another signed-in user', async () => {
    const identity = await startTestIdentity();
    try {
      const token = await identity.token();
      const server = await start({
        ...generatedDevelopmentAuth(TOKEN),
        ...(identity.auth.entra === undefined ? {} : { entra: identity.auth.entra }),
        admins: [],
      });
      for (const authorization of [undefined, `Bearer ${TOKEN}x`, 'Basic abc', `Bearer ${token}`]) {
        const response = await server.inject({ url: '/api/dev/mail', headers: authorization === undefined ? {} : { authorization } });
        expect([response.statusCode, response.json()]).toEqual([404, { statusCode: 404, error: 'Not Found', message: 'Not Found' }]);
      }
      // The other user is real: the API knows them.
      expect((await server.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    } finally {
      await identity.close();
    }
  });

  it.each<[string, AuthConfig | undefined, { publicOrigin?: string; smtp?: SmtpConfig }]>([
    ['no development token', undefined, {}],
    ['a relay configured (mail is sent, not caught)', generatedDevelopmentAuth(TOKEN), { smtp: RELAY }],
    [
      'a forced token on a public origin',
      { developmentToken: { token: TOKEN, forced: true }, admins: [] },
      { publicOrigin: 'https://preflight.example.co.jp' },
    ],
  ])('does not exist with %s', async (_name, auth, options) => {
    const server = await start(auth, options);
    const response = await server.inject({ url: '/api/dev/mail', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(404);
  });

  it('without a catcher, links that need a code are still refused when no relay is configured', async () => {
    const server = await start(undefined);
    expect(server.secureLinks?.context.mailer).toBeNull();
  });
});

describe('GET /api/auth-config hands the development token to this server’s own pages only', () => {
  it('answers a same-origin page on localhost with the token', async () => {
    const server = await start(generatedDevelopmentAuth(TOKEN));
    expect((await server.inject({ url: '/api/auth-config', headers: PAGE })).json()).toEqual({ mode: 'development', token: TOKEN });
  });

  it.each<[string, Record<string, string>]>([
    ['another site', { ...PAGE, 'sec-fetch-site': 'cross-site', origin: 'https://attacker.example' }],
    ['a DNS-rebound name', { ...PAGE, host: 'attacker.example:3000' }],
    ['a foreign Origin', { ...PAGE, origin: 'https://attacker.example' }],
  ])('answers %s with none', async (_name, headers) => {
    const server = await start(generatedDevelopmentAuth(TOKEN));
    const response = await server.inject({ url: '/api/auth-config', headers });
    expect(response.json()).toEqual({ mode: 'none' });
    expect(response.body).not.toContain(TOKEN);
  });
});
