// The server's built pages (/approve/<id>, /admin/…): one built file for every address under each, with the
// app's security headers.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { workspace, type Workspace } from './fixtures.js';

const PAGE = '<!doctype html><title>approve</title><script defer src=/approve.js></script>';
const ADMIN = '<!doctype html><title>admin</title><script defer src=/admin.js></script>';
let files: Workspace;
let app: FastifyInstance;

beforeEach(async () => {
  files = workspace();
  writeFileSync(join(files.distDirectory, 'approve.html'), PAGE);
  writeFileSync(join(files.distDirectory, 'admin.html'), ADMIN);
  app = await buildApp(files.config({ logLevel: 'silent' }));
});

afterEach(async () => {
  await app.close();
  files.remove();
});

describe("the server's built pages", () => {
  it.each([
    ['/approve/Zx9_abc-DEF12345', PAGE],
    ['/approve/anything', PAGE],
    ['/approve/', PAGE],
    ['/admin/', ADMIN],
    ['/admin/statistics', ADMIN],
    ['/admin/policy/versions', ADMIN],
  ])('serves the built page at %s, uncached, under the CSP', async (url, body) => {
    const response = await app.inject(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toBe(body);
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src-attr 'none'");
    expect(policy).toMatch(/img-src 'self' data: https:\/\/appsforoffice\.microsoft\.com/);
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('says the page is not built rather than serving something else', async () => {
    rmSync(join(files.distDirectory, 'approve.html'));
    const response = await app.inject('/approve/Zx9_abc-DEF12345');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('npm run build:web');
  });

  it('says the console is not built either, by its own name', async () => {
    rmSync(join(files.distDirectory, 'admin.html'));
    const response = await app.inject('/admin/');
    expect(response.statusCode).toBe(404);
    expect(response.body).toBe('The admin console is not built (npm run build:web)');
  });
});
