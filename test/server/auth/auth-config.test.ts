import { describe, expect, it } from 'vitest';
import { readAuthEnvironment } from '../../../src/server/auth/auth-config.js';
import { readEnvironment } from '../../../src/server/config.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SECOND_TENANT = '0d2a4f4e-1111-4c2b-9a57-6c1d2e3f4a5b';
const LOCAL = 'https://localhost:3000';

describe('readAuthEnvironment', () => {
  it('leaves auth undefined when nothing is set (every authenticated call gets 401)', () => {
    expect(readAuthEnvironment({}, LOCAL)).toEqual({ developmentTokenOff: false, problems: [] });
  });

  it('reads a single-tenant Entra ID setup with its defaults', () => {
    expect(
      readAuthEnvironment({ PREFLIGHT_ENTRA_TENANT: TENANT.toUpperCase(), PREFLIGHT_ENTRA_AUDIENCE: 'api://preflight, 1f0a8c4e' }, LOCAL),
    ).toEqual({
      auth: {
        entra: {
          tenantIds: [TENANT],
          audiences: ['api://preflight', '1f0a8c4e'],
          requiredScope: 'access_as_user',
          acceptV1Tokens: false,
          jwksUrl: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
          clockToleranceSeconds: 60,
          adminRole: 'Preflight.Admin',
        },
        admins: [],
      },
      developmentTokenOff: false,
      problems: [],
    });
  });

  it('reads every variable', () => {
    const result = readAuthEnvironment(
      {
        PREFLIGHT_ENTRA_TENANT: `${TENANT},${SECOND_TENANT}`,
        PREFLIGHT_ENTRA_AUDIENCE: 'api://preflight',
        PREFLIGHT_ENTRA_SCOPE: 'Files.Protect',
        PREFLIGHT_ENTRA_ACCEPT_V1: 'yes',
        PREFLIGHT_ADMIN_ROLE: 'Mail.Admin',
        PREFLIGHT_ADMINS: 'Boss@Example.co.jp 5b1e1c7e-aaaa-4bbb-8ccc-0123456789ab',
        PREFLIGHT_DEV_TOKEN: 'a-long-enough-dev-token',
      },
      LOCAL,
    );
    expect(result.problems).toEqual([]);
    expect(result.auth).toEqual({
      entra: {
        tenantIds: [TENANT, SECOND_TENANT],
        audiences: ['api://preflight'],
        requiredScope: 'Files.Protect',
        acceptV1Tokens: true,
        jwksUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
        clockToleranceSeconds: 60,
        adminRole: 'Mail.Admin',
      },
      developmentToken: { token: 'a-long-enough-dev-token', forced: false },
      admins: ['boss@example.co.jp', '5b1e1c7e-aaaa-4bbb-8ccc-0123456789ab'],
    });
  });

  it.each([
    [{ PREFLIGHT_ENTRA_TENANT: TENANT }, 'PREFLIGHT_ENTRA_TENANT needs PREFLIGHT_ENTRA_AUDIENCE'],
    [{ PREFLIGHT_ENTRA_AUDIENCE: 'api://x' }, 'PREFLIGHT_ENTRA_AUDIENCE needs PREFLIGHT_ENTRA_TENANT'],
    [{ PREFLIGHT_ENTRA_TENANT: 'common', PREFLIGHT_ENTRA_AUDIENCE: 'api://x' }, 'directory ids (GUIDs), not "common"'],
    [
      { PREFLIGHT_ENTRA_TENANT: TENANT, PREFLIGHT_ENTRA_AUDIENCE: 'api://x', PREFLIGHT_ENTRA_JWKS_URL: 'http://keys.example/keys' },
      'must be an https URL',
    ],
    [{ PREFLIGHT_ENTRA_TENANT: TENANT, PREFLIGHT_ENTRA_AUDIENCE: 'api://x', PREFLIGHT_ENTRA_SCOPE: 'a b' }, 'one scope name'],
    [{ PREFLIGHT_ENTRA_TENANT: TENANT, PREFLIGHT_ENTRA_AUDIENCE: 'api://x', PREFLIGHT_ENTRA_ACCEPT_V1: 'maybe' }, 'must be true or false'],
    [{ PREFLIGHT_DEV_TOKEN: 'short' }, 'at least 16 printable characters'],
  ])('reports %j', (env, problem) => {
    expect(readAuthEnvironment(env, LOCAL).problems.join('\n')).toContain(problem);
  });

  it('allows a loopback http JWKS (tests, a local key mirror)', () => {
    const env = {
      PREFLIGHT_ENTRA_TENANT: TENANT,
      PREFLIGHT_ENTRA_AUDIENCE: 'api://x',
      PREFLIGHT_ENTRA_JWKS_URL: 'http://127.0.0.1:8080/keys',
    };
    expect(readAuthEnvironment(env, LOCAL).problems).toEqual([]);
  });

  it('refuses the development token on a public origin unless forced', () => {
    const origin = 'https://preflight.example.co.jp';
    expect(readAuthEnvironment({ PREFLIGHT_DEV_TOKEN: 'a-long-enough-dev-token' }, origin).problems.join('\n')).toContain(
      'works only when PREFLIGHT_PUBLIC_URL is localhost (it is https://preflight.example.co.jp)',
    );
    const forced = readAuthEnvironment({ PREFLIGHT_DEV_TOKEN: 'a-long-enough-dev-token', PREFLIGHT_DEV_TOKEN_FORCE: 'true' }, origin);
    expect(forced).toEqual({
      auth: { developmentToken: { token: 'a-long-enough-dev-token', forced: true }, admins: [] },
      developmentTokenOff: false,
      problems: [],
    });
  });
});

describe('readEnvironment with sign-in and rate limit variables', () => {
  it('puts auth and rate limits into the server config', () => {
    const result = readEnvironment(
      { PREFLIGHT_DEV_TOKEN: 'a-long-enough-dev-token', PREFLIGHT_RATE_LIMIT_USER: '20', PREFLIGHT_RATE_LIMIT_LINK: '5' },
      '/srv',
      '/opt/preflight',
    );
    expect(result.ok && result.environment.server.auth).toEqual({
      developmentToken: { token: 'a-long-enough-dev-token', forced: false },
      admins: [],
    });
    expect(result.ok && result.environment.server.rateLimits).toEqual({ perUserPerMinute: 20, perLinkPerMinute: 5 });
  });

  it('reads the limit on refused sign-ins per address, keeping the other defaults', () => {
    const result = readEnvironment({ PREFLIGHT_RATE_LIMIT_REFUSED: '7' }, '/srv', '/opt/preflight');
    expect(result.ok && result.environment.server.rateLimits).toEqual({
      perUserPerMinute: 300,
      perLinkPerMinute: 30,
      refusedPerAddressPerMinute: 7,
    });
    const bad = readEnvironment({ PREFLIGHT_RATE_LIMIT_REFUSED: '0' }, '/srv', '/opt/preflight');
    expect(!bad.ok && bad.problems.join('\n')).toContain('PREFLIGHT_RATE_LIMIT_REFUSED must be a number of requests a minute');
  });

  it('fails to start with the development token on a public origin, and with a bad rate limit', () => {
    const result = readEnvironment(
      {
        PREFLIGHT_PUBLIC_URL: 'https://preflight.example.co.jp',
        PREFLIGHT_DEV_TOKEN: 'a-long-enough-dev-token',
        PREFLIGHT_RATE_LIMIT_USER: 'lots',
      },
      '/srv',
      '/opt/preflight',
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join('\n')).toMatch(
      /PREFLIGHT_DEV_TOKEN lets anyone[\s\S]*PREFLIGHT_RATE_LIMIT_USER must be a number/,
    );
  });
});
