// GET /approve/<id>: the one built page for every request id, with the app's security headers.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { workspace, type Workspace } from './fixtures.js';

const PAGE = '<!doctype html><title>approve</title><script defer src=/approve.js></script>';
let files: Workspace;
let app: FastifyInstance;

beforeEach(async () => {
  files = workspace();
  writeFileSync(join(files.distDirectory, 'approve.html'), PAGE);
  app = await buildApp(files.config({ logLevel: 'silent' }));
});

afterEach(async () => {
  await app.close();
  files.remove();
});

describe("the approver's page", () => {
  it.each(['/approve/Zx9_abc-DEF12345', '/approve/anything', '/approve/'])('serves the built page at %s, uncached, under the CSP', async (url) => {
    const response = await app.inject(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toBe(PAGE);
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
});
