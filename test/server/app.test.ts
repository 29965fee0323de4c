import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { parse } from 'acorn';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { BUNDLE, GOOD_POLICY, logCapture, workspace, type Workspace } from './fixtures.js';

let files: Workspace;
let app: FastifyInstance;

beforeEach(async () => {
  files = workspace();
  app = await buildApp(files.config({ logLevel: 'silent' }));
});

afterEach(async () => {
  await app.close();
  files.remove();
});

describe('GET /launchevent.js', () => {
  it('is the PREFLIGHT_BOOT line followed by the built bundle', async () => {
    const response = await app.inject('/launchevent.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    const [prelude, ...rest] = response.body.split('\n');
    expect(prelude).toMatch(/^var PREFLIGHT_BOOT = \{"origin":"https:\/\/localhost:3000","policy":\{.*\}\};$/);
    expect(rest.join('\n')).toBe(BUNDLE);
  });

  it('parses as one ES2016 script and hands the handler the origin and the policy document', async () => {
    const body = (await app.inject('/launchevent.js')).body;
    expect(() => parse(body, { ecmaVersion: 2016, sourceType: 'script' })).not.toThrow();
    expect(body).not.toContain('\u2028');
    const names: string[] = [];
    const context: Record<string, unknown> = { Office: { actions: { associate: (name: string) => names.push(name) } } };
    runInNewContext(body, context);
    expect(context['PREFLIGHT_BOOT']).toEqual({ origin: 'https://localhost:3000', policy: GOOD_POLICY });
    expect(names).toEqual(['onMessageSendHandler']);
  });

  it('answers 304 to its own ETag', async () => {
    const first = await app.inject('/launchevent.js');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await app.inject({ url: '/launchevent.js', headers: { 'if-none-match': `W/"other", ${etag}` } });
    expect([again.statusCode, again.body]).toEqual([304, '']);
  });
});

describe('GET /api/policy', () => {
  it('returns the policy document with an ETag, no-cache and CORS for the add-in origin', async () => {
    const response = await app.inject('/api/policy');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.json()).toEqual(GOOD_POLICY);
    expect(response.headers.etag).toMatch(/^"[\w-]{27}"$/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['access-control-allow-origin']).toBe('https://localhost:3000');
  });

  it('answers 304 when the client has this policy', async () => {
    const etag = (await app.inject('/api/policy')).headers.etag as string;
    expect((await app.inject({ url: '/api/policy', headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    expect((await app.inject({ url: '/api/policy', headers: { 'if-none-match': '"stale"' } })).statusCode).toBe(200);
  });

  it('answers a CORS preflight', async () => {
    const response = await app.inject({ method: 'OPTIONS', url: '/api/policy' });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-methods']).toBe('GET, HEAD');
    expect(response.headers['access-control-allow-origin']).toBe('https://localhost:3000');
  });
});

describe('other routes', () => {
  it('lists exactly the public launchevent.js URL in the well-known file', async () => {
    const response = await app.inject('/.well-known/microsoft-officeaddins-allowed.json');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ allowed: ['https://localhost:3000/launchevent.js'] });
  });

  it('reports health with the ETag, version and SHA-256 of the policy served', async () => {
    const response = await app.inject('/healthz');
    expect(response.statusCode).toBe(200);
    const served = await app.inject('/api/policy');
    expect(response.json()).toEqual({
      status: 'ok',
      policyEtag: served.headers.etag,
      policyVersion: 1,
      policySha256: createHash('sha256').update(served.body).digest('hex'),
      policyFile: { status: 'ok', problems: 0 },
    });
  });

  it.each([
    ['/launchevent.html', 'text/html', 'handlers'],
    ['/taskpane.html', 'text/html', 'pane'],
    ['/taskpane.js', 'application/javascript', 'pane'],
    ['/playground/', 'text/html', 'playground'],
    ['/playground/taskpane.html', 'text/html', 'playground pane'],
    ['/assets/icon-16.png', 'image/png', 'PNG'],
  ])('serves %s', async (url, type, content) => {
    const response = await app.inject(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain(type);
    expect(response.body).toContain(content);
  });

  it('redirects /playground to /playground/', async () => {
    const response = await app.inject('/playground');
    expect([response.statusCode, response.headers.location]).toEqual([301, '/playground/']);
  });

  it.each(['/nothing-here', '/assets/missing.png', '/config/policy.json', '/../config/policy.json'])(
    'answers 404 JSON for %s',
    async (url) => {
      const response = await app.inject(url);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'Not Found' });
    },
  );
});

describe('security headers', () => {
  it('sets a CSP that lets Office load the pages and office.js, and nothing else from elsewhere', async () => {
    const response = await app.inject('/taskpane.html');
    const directives = new Map(
      String(response.headers['content-security-policy'])
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives.get('script-src')).toContain('https://appsforoffice.microsoft.com');
    expect(directives.get('script-src')).not.toContain("'unsafe-eval'");
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(
      expect.arrayContaining(["'self'", 'https://outlook.office.com', 'https://outlook.cloud.microsoft']),
    );
    // Entra ID sign-in, for MSAL where Outlook cannot broker it; nothing else leaves the origin.
    expect(directives.get('connect-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com', 'https://login.microsoftonline.com']);
    expect(directives.get('frame-src')).toEqual(["'self'", 'https://login.microsoftonline.com']);
  });

  it('lets Outlook frame the pages and show the icons', async () => {
    const response = await app.inject('/assets/icon-16.png');
    expect(response.headers['x-frame-options']).toBeUndefined();
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('sends HSTS for a real host but not for localhost', async () => {
    expect((await app.inject('/healthz')).headers['strict-transport-security']).toBeUndefined();
    const production = await buildApp(files.config({ logLevel: 'silent', publicOrigin: 'https://preflight.example.co.jp' }));
    try {
      expect((await production.inject('/healthz')).headers['strict-transport-security']).toBe('max-age=31536000');
      expect((await production.inject('/.well-known/microsoft-officeaddins-allowed.json')).json()).toEqual({
        allowed: ['https://preflight.example.co.jp/launchevent.js'],
      });
    } finally {
      await production.close();
    }
  });
});

describe('policy reload', () => {
  const EDITED = { ...GOOD_POLICY, internalDomains: ['example.co.jp', 'example-group.co.jp'] };

  it('swaps in a good edit for /api/policy and /launchevent.js', async () => {
    const before = await app.inject('/launchevent.js');
    files.writePolicy(EDITED);
    expect(await app.preflight.reloadPolicy()).toEqual({ status: 'updated' });
    expect((await app.inject('/api/policy')).json()).toEqual(EDITED);
    const after = await app.inject('/launchevent.js');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body.split('\n')[0]).toContain('"example-group.co.jp"');
  });

  it('keeps the last good policy on a bad edit and logs every problem with its path and the file', async () => {
    const logs = logCapture();
    const logged = await buildApp(files.config(), { logStream: logs.stream });
    try {
      const etag = (await logged.inject('/api/policy')).headers.etag;
      files.writePolicy({ version: 1, internalDomains: ['not a domain'], bccSuggestThreshold: -1 });
      const outcome = await logged.preflight.reloadPolicy();
      expect(outcome.status).toBe('rejected');
      expect((await logged.inject('/api/policy')).json()).toEqual(GOOD_POLICY);
      expect((await logged.inject('/api/policy')).headers.etag).toBe(etag);
      const record = logs.records.find((entry) => entry.msg.startsWith('Policy edit rejected'));
      const problems = record?.['problems'] as string[];
      expect(problems.some((line) => line.includes('policy.json: $.internalDomains[0]:'))).toBe(true);
      expect(problems.some((line) => line.includes('policy.json: $.bccSuggestThreshold:'))).toBe(true);
      expect(record?.level).toBe(50);
    } finally {
      await logged.close();
    }
  });

  it('keeps the last good policy when the file is broken JSON or gone', async () => {
    files.writePolicy('{ "version": 1,');
    expect((await app.preflight.reloadPolicy()).status).toBe('rejected');
    files.remove();
    expect(await app.preflight.reloadPolicy()).toEqual({
      status: 'rejected',
      problems: [{ path: '$', message: 'the file does not exist', code: 'policy.file-missing' }],
    });
    expect((await app.inject('/api/policy')).json()).toEqual(GOOD_POLICY);
  });

  it('reports an unchanged file as unchanged', async () => {
    expect(await app.preflight.reloadPolicy()).toEqual({ status: 'unchanged' });
  });
});

describe('policy file watching', () => {
  it('reloads when the file is saved', async () => {
    const logs = logCapture();
    const watching = await buildApp(files.config({ watchPolicy: true }), { logStream: logs.stream });
    try {
      const reloaded = logs.next((record) => record.msg === 'Policy reloaded');
      files.writePolicy({ ...GOOD_POLICY, trustedDomains: ['partner.co.jp'] });
      await reloaded;
      expect((await watching.inject('/api/policy')).json()).toMatchObject({ trustedDomains: ['partner.co.jp'] });
    } finally {
      await watching.close();
    }
  });
});
