// Every call the pages and the handler make (API_ROUTES in src/protocol/paths.ts, the one place the paths
// are written) is a route the server registers, with that method, when every feature is on: secure links,
// approvals, audit and the development mail catcher.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as protocol from '../../src/protocol/index.js';
import { API_ROUTES } from '../../src/protocol/index.js';
import { buildApp } from '../../src/server/app.js';
import { DEFAULT_LINK_LIMITS } from '../../src/server/links/link-limits.js';
import { workspace, type Workspace } from './fixtures.js';
import { KEK } from './links/harness.js';

let files: Workspace;
let app: FastifyInstance;

beforeAll(async () => {
  files = workspace();
  app = await buildApp(
    files.config({
      logLevel: 'silent',
      auth: { developmentToken: { token: 'a-long-enough-dev-token', forced: false }, admins: [] },
      links: {
        dataDirectory: join(files.directory, 'data'),
        keyring: { kind: 'inline', entries: [`app-1:${KEK}`] },
        smtp: null,
        limits: DEFAULT_LINK_LIMITS,
      },
    }),
  );
});

afterAll(async () => {
  await app.close();
  files.remove();
});

describe('the API routes of src/protocol', () => {
  it.each(API_ROUTES.map((route) => [`${route.method} ${route.pattern}`, route] as const))('%s is registered', (_name, route) => {
    expect(app.hasRoute({ method: route.method, url: route.pattern })).toBe(true);
  });

  it('lists every /api/ path the protocol exports', () => {
    const exported = Object.values(protocol as Record<string, unknown>).filter(
      (value): value is string => typeof value === 'string' && value.startsWith('/api/'),
    );
    const listed = new Set(API_ROUTES.map((route) => route.pattern));
    expect(exported.filter((path) => !listed.has(path))).toEqual([]);
    expect(exported.length).toBeGreaterThan(20);
  });

  it('would notice a route the server lacks', () => {
    expect(app.hasRoute({ method: 'GET', url: '/api/links/:id/complete' })).toBe(false);
    expect(app.hasRoute({ method: 'POST', url: '/api/links/:id/complete' })).toBe(true);
  });

  it('fills parameters URI-encoded, as the server reads them back', () => {
    expect(protocol.completeLinksPath('a/b c')).toBe('/api/links/a%2Fb%20c/complete');
    expect(protocol.approvalAttachmentPath('r1', 2)).toBe('/api/approvals/r1/attachments/2');
    expect(protocol.linkFilePath('p1', 'f_-9')).toBe('/api/links/p1/files/f_-9');
  });
});

describe('no page writes an API path of its own', () => {
  it('has no /api/ string outside src/protocol and the server', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const root = join(import.meta.dirname, '../../src');
    const offenders: string[] = [];
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      const relative = path.slice(root.length + 1);
      // The string tables may name a path to the user; the server and the bench are the other side.
      if (/^(protocol|server|bench|i18n)\//.test(relative)) continue;
      const code = (await readFile(path, 'utf8')).split('\n').filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line));
      if (code.some((line) => /['"`][^'"`]*\/api\//.test(line))) offenders.push(relative);
    }
    expect(offenders).toEqual([]);
  });
});
