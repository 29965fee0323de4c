// npm start with nothing configured: a generated development token on loopback and localhost only.
import { describe, expect, it } from 'vitest';
import { mayGenerateDevelopmentToken, randomDevelopmentToken } from '../../../src/server/auth/generated-development-token.js';
import { isLoopbackHost } from '../../../src/server/loopback.js';
import { isLocalPageRequest } from '../../../src/server/auth/local-page-request.js';
import { readEnvironment } from '../../../src/server/config.js';

const FIXED = 'generated-token-for-the-test-0123456789';
const read = (env: Record<string, string>) => readEnvironment(env, '/srv/work', '/opt/preflight', () => FIXED);

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '::1', '[::1]'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(['0.0.0.0', '::', '', '192.168.1.10', 'preflight.example.co.jp', 'localhost.example.com', '127.0.0.1.nip.io'])(
    '%j is not',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );
});

describe('mayGenerateDevelopmentToken', () => {
  const local = { host: 'localhost', publicOrigin: 'https://localhost:3000', auth: undefined, refused: false, behindProxy: false };
  it('generates on a loopback bind with a localhost public origin and nothing configured', () => {
    expect(mayGenerateDevelopmentToken(local)).toBe(true);
    expect(mayGenerateDevelopmentToken({ ...local, host: '127.0.0.1', publicOrigin: 'https://127.0.0.1:3000' })).toBe(true);
  });
  it.each<[string, Partial<Parameters<typeof mayGenerateDevelopmentToken>[0]>]>([
    ['a bind every interface reaches', { host: '0.0.0.0' }],
    ['an IPv6 wildcard bind', { host: '::' }],
    ['a LAN address', { host: '192.168.1.10' }],
    ['a public origin', { publicOrigin: 'https://preflight.example.co.jp' }],
    ['sign-in configured', { auth: { admins: [] } }],
    ['PREFLIGHT_DEV_TOKEN=off', { refused: true }],
    ['a proxy in front (PREFLIGHT_TLS=off, PREFLIGHT_TRUST_PROXY)', { behindProxy: true }],
  ])('refuses with %s', (_name, change) => {
    expect(mayGenerateDevelopmentToken({ ...local, ...change })).toBe(false);
  });
  it('makes a different 256-bit token each time', () => {
    const first = randomDevelopmentToken();
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomDevelopmentToken()).not.toBe(first);
  });
});

describe('readEnvironment and the generated token', () => {
  const authOf = (env: Record<string, string>) => {
    const result = read(env);
    if (!result.ok) throw new Error(result.problems.join('; '));
    return result.environment.server.auth;
  };
  it('npm start with no variables: the generated token, marked as such', () => {
    expect(authOf({})).toEqual({ developmentToken: { token: FIXED, forced: false, generated: true }, admins: [] });
    expect(authOf({ HOST: '127.0.0.1', PREFLIGHT_PUBLIC_URL: 'https://127.0.0.1:3000' })?.developmentToken?.token).toBe(FIXED);
  });
  it('none on a wildcard bind, on a public origin, or when turned off', () => {
    expect(authOf({ HOST: '0.0.0.0' })).toBeUndefined();
    expect(authOf({ PREFLIGHT_PUBLIC_URL: 'https://preflight.example.co.jp', HOST: '127.0.0.1', PREFLIGHT_TLS: 'off' })).toBeUndefined();
    expect(authOf({ PREFLIGHT_DEV_TOKEN: 'off' })).toBeUndefined();
    expect(authOf({ PREFLIGHT_TLS: 'off' })).toBeUndefined();
    expect(authOf({ PREFLIGHT_TRUST_PROXY: '127.0.0.1' })).toBeUndefined();
  });
  it('a configured token wins, and is never replaced', () => {
    expect(authOf({ PREFLIGHT_DEV_TOKEN: 'a-long-enough-dev-token' })).toEqual({
      developmentToken: { token: 'a-long-enough-dev-token', forced: false },
      admins: [],
    });
  });
});

describe('isLocalPageRequest', () => {
  const page = { host: 'localhost:3000', origin: undefined, fetchSite: 'same-origin' };
  it.each<[string, Partial<Parameters<typeof isLocalPageRequest>[0]>]>([
    ['a same-origin fetch from localhost', {}],
    ['from 127.0.0.1', { host: '127.0.0.1:3000' }],
    ['from [::1]', { host: '[::1]:3000' }],
    ['with its own Origin', { origin: 'https://localhost:3000' }],
    ['a client without Sec-Fetch-Site (curl on this machine)', { fetchSite: undefined }],
  ])('hands the token to %s', (_name, change) => {
    expect(isLocalPageRequest({ ...page, ...change })).toBe(true);
  });
  it.each<[string, Partial<Parameters<typeof isLocalPageRequest>[0]>]>([
    ['another site (Sec-Fetch-Site cross-site)', { fetchSite: 'cross-site' }],
    ['a sibling site', { fetchSite: 'same-site' }],
    ['a typed address or bookmark', { fetchSite: 'none' }],
    ['a DNS-rebound name', { host: 'attacker.example:3000' }],
    ['no Host', { host: undefined }],
    ['a foreign Origin', { origin: 'https://attacker.example' }],
    ['a broken Origin', { origin: 'null' }],
  ])('refuses %s', (_name, change) => {
    expect(isLocalPageRequest({ ...page, ...change })).toBe(false);
  });
});
