import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { DEFAULT_FRAME_ANCESTORS, parsePublicOrigin, readEnvironment } from '../../src/server/config.js';
import { DEFAULT_LINK_LIMITS } from '../../src/server/links/link-limits.js';
import { StartupError } from '../../src/server/startup-error.js';
import { workspace } from './fixtures.js';
import { startTestIdentity } from './support/identity.js';

const CWD = '/srv/work';
const PACKAGE = '/opt/preflight';

const GENERATED = 'generated-token-for-the-test-0123456789';

function read(env: Record<string, string>) {
  return readEnvironment(env, CWD, PACKAGE, () => GENERATED);
}

describe('readEnvironment', () => {
  it('defaults to https://localhost:3000 with the policy, dist and assets of a checkout', () => {
    expect(read({})).toEqual({
      ok: true,
      environment: {
        server: {
          publicOrigin: 'https://localhost:3000',
          policyFile: '/srv/work/config/policy.json',
          distDirectory: '/srv/work/dist',
          assetsDirectory: '/opt/preflight/assets',
          watchPolicy: true,
          frameAncestors: DEFAULT_FRAME_ANCESTORS,
          logLevel: 'info',
          requestLogLevel: 'debug',
          // Loopback bind, localhost origin, no sign-in configured: npm start's own token (docs/api.md).
          auth: { developmentToken: { token: GENERATED, forced: false, generated: true }, admins: [] },
          links: {
            dataDirectory: '/srv/work/.data',
            blobLocation: { kind: 'file', root: '/srv/work/.data/blobs' },
            keyring: { kind: 'generated', dataDirectory: '/srv/work/.data' },
            smtp: null,
            limits: DEFAULT_LINK_LIMITS,
          },
        },
        listen: { host: 'localhost', port: 3000 },
        tls: { kind: 'development' },
      },
    });
  });

  it('reads every variable', () => {
    const result = read({
      PORT: '8443',
      HOST: '0.0.0.0',
      PREFLIGHT_PUBLIC_URL: 'https://preflight.example.co.jp/',
      PREFLIGHT_POLICY: '/etc/preflight/policy.json',
      PREFLIGHT_DIST: 'public',
      PREFLIGHT_ASSETS: 'icons',
      PREFLIGHT_TLS_CERT: 'tls/cert.pem',
      PREFLIGHT_TLS_KEY: '/etc/tls/key.pem',
      PREFLIGHT_FRAME_ANCESTORS: "'self' https://outlook.office.com,https://outlook.office365.us",
      PREFLIGHT_LOG_LEVEL: 'warn',
      PREFLIGHT_BLOB_URL: 'file:///mnt/preflight-blobs',
    });
    expect(result).toEqual({
      ok: true,
      environment: {
        server: {
          publicOrigin: 'https://preflight.example.co.jp',
          policyFile: '/etc/preflight/policy.json',
          distDirectory: '/srv/work/public',
          assetsDirectory: '/srv/work/icons',
          watchPolicy: true,
          frameAncestors: ["'self'", 'https://outlook.office.com', 'https://outlook.office365.us'],
          logLevel: 'warn',
          requestLogLevel: 'info',
          links: {
            dataDirectory: '/srv/work/.data',
            blobLocation: { kind: 'file', root: '/mnt/preflight-blobs' },
            keyring: { kind: 'generated', dataDirectory: '/srv/work/.data' },
            smtp: null,
            limits: DEFAULT_LINK_LIMITS,
          },
        },
        listen: { host: '0.0.0.0', port: 8443 },
        tls: { kind: 'files', certificateFile: '/srv/work/tls/cert.pem', keyFile: '/etc/tls/key.pem' },
      },
    });
  });

  it('follows PORT in the default public URL and allows plain HTTP behind a proxy', () => {
    const result = read({ PORT: '4000', PREFLIGHT_TLS: 'off' });
    expect(result.ok && [result.environment.server.publicOrigin, result.environment.tls]).toEqual([
      'https://localhost:4000',
      { kind: 'off' },
    ]);
  });

  it.each([
    [{ PORT: '0' }, 'PORT must be a number from 1 to 65535, not "0"'],
    [{ PORT: '70000' }, 'PORT must be a number from 1 to 65535'],
    [{ PORT: '3e3' }, 'PORT must be a number'],
    [{ PREFLIGHT_PUBLIC_URL: 'http://preflight.example.co.jp' }, 'PREFLIGHT_PUBLIC_URL must start with https://'],
    [{ PREFLIGHT_PUBLIC_URL: 'https://preflight.example.co.jp/addin' }, 'PREFLIGHT_PUBLIC_URL must be an origin only'],
    [{ PREFLIGHT_PUBLIC_URL: 'preflight' }, 'PREFLIGHT_PUBLIC_URL not a URL'],
    [{ PREFLIGHT_LOG_LEVEL: 'loud' }, 'PREFLIGHT_LOG_LEVEL must be one of'],
    [{ PREFLIGHT_TLS_CERT: 'cert.pem' }, 'PREFLIGHT_TLS_CERT and PREFLIGHT_TLS_KEY must be set together'],
    [{ PREFLIGHT_TLS: 'on' }, 'PREFLIGHT_TLS can only be "off"'],
    [{ PREFLIGHT_TLS: 'off', PREFLIGHT_TLS_KEY: 'k', PREFLIGHT_TLS_CERT: 'c' }, 'cannot be combined'],
    [{ PREFLIGHT_FRAME_ANCESTORS: 'https://a.example; script-src *' }, 'is not a host source'],
  ])('refuses %j', (env, problem) => {
    const result = read(env);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([expect.stringContaining(problem)]);
  });

  it('lists every problem at once', () => {
    const result = read({ PORT: 'x', PREFLIGHT_LOG_LEVEL: 'loud' });
    expect(result.ok ? 0 : result.problems.length).toBe(2);
  });
});

describe('parsePublicOrigin', () => {
  it.each([
    ['https://preflight.example.co.jp', 'https://preflight.example.co.jp'],
    ['https://Preflight.Example.co.jp:443/', 'https://preflight.example.co.jp'],
    ['https://preflight.example.co.jp:8443', 'https://preflight.example.co.jp:8443'],
    ['https://送信.example.jp', 'https://xn--vuq367m.example.jp'],
  ])('%s -> %s', (text, origin) => {
    expect(parsePublicOrigin(text)).toEqual({ origin });
  });

  it.each(['https://a.example/x', 'https://a.example/?q', 'https://a.example/#h', 'https://u:p@a.example', 'ftp://a.example'])(
    'refuses %s',
    (text) => {
      expect(parsePublicOrigin(text)).toHaveProperty('problem');
    },
  );
});

describe('PREFLIGHT_ENTRA_JWKS_URL', () => {
  const ENTRA = { PREFLIGHT_ENTRA_TENANT: '72f988bf-86f1-41af-91ab-2d7cd011db47', PREFLIGHT_ENTRA_AUDIENCE: 'api://x' };

  it.each(['https://keys.example/keys', 'http://127.0.0.1:8080/keys', 'http://localhost:8080/keys', 'http://[::1]:8080/keys'])(
    'accepts %s',
    (url) => {
      expect(read({ ...ENTRA, PREFLIGHT_ENTRA_JWKS_URL: url }).ok).toBe(true);
    },
  );

  it.each([
    'http://keys.example/keys',
    'http://localhost.attacker.example/keys',
    'http://127.0.0.1.attacker.example/keys',
    'ftp://keys.example/keys',
    'keys',
  ])('refuses %s, naming the variable', (url) => {
    const result = read({ ...ENTRA, PREFLIGHT_ENTRA_JWKS_URL: url });
    expect(result.ok ? [] : result.problems).toContainEqual(expect.stringContaining('PREFLIGHT_ENTRA_JWKS_URL must be an https URL'));
  });

  // A config built without readEnvironment (tests, benchmarks, an embedding) must not slip a plain-http key source past start.
  it('stops buildApp with a StartupError naming the variable when the configured URL is plain http off loopback', async () => {
    const identity = await startTestIdentity();
    const files = workspace();
    try {
      const entra = identity.auth.entra;
      if (entra === undefined) throw new Error('the test identity has Entra settings');
      const config = files.config({
        logLevel: 'silent',
        auth: { ...identity.auth, entra: { ...entra, jwksUrl: 'http://keys.example/discovery/v2.0/keys' } },
      });
      const refused = await buildApp(config).then(
        async (app) => {
          await app.close();
          return null;
        },
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(StartupError);
      expect(refused).toMatchObject({ message: expect.stringContaining('PREFLIGHT_ENTRA_JWKS_URL') });
    } finally {
      files.remove();
      await identity.close();
    }
  });
});
