// Every URL in manifest.xml answers 200 from the server npm start runs, over the built dist/
// (`npm test` builds first; for a local run: npm run build).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { DEFAULT_FRAME_ANCESTORS } from '../../src/server/config.js';
import { readManifest, ROOT, urls } from './manifest-model.js';

let app: FastifyInstance;

beforeAll(async () => {
  for (const file of ['dist/launchevent.html', 'dist/taskpane.html', 'dist/playground/index.html']) {
    if (!existsSync(resolve(ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  app = await buildApp({
    publicOrigin: 'https://localhost:3000',
    policyFile: resolve(ROOT, 'config/policy.json'),
    distDirectory: resolve(ROOT, 'dist'),
    assetsDirectory: resolve(ROOT, 'assets'),
    watchPolicy: false,
    frameAncestors: DEFAULT_FRAME_ANCESTORS,
    logLevel: 'silent',
  });
});

afterAll(async () => app.close());

describe('the server behind manifest.xml', () => {
  const paths = [...new Set(urls(readManifest().root).map((url) => new URL(url).pathname))].filter((path) => path !== '/');

  it.each(paths.map((path) => [path]))('serves %s', async (path) => {
    const response = await app.inject(path);
    expect(response.statusCode).toBe(200);
    expect(response.body.length).toBeGreaterThan(0);
  });

  it('serves the launchevent.js the manifest names behind the PREFLIGHT_BOOT line', async () => {
    expect((await app.inject('/launchevent.js')).body.startsWith('var PREFLIGHT_BOOT = {"origin":"https://localhost:3000",')).toBe(true);
  });
});
