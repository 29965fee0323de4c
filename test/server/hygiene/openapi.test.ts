import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app.js';
import { workspace, type Workspace } from '../fixtures.js';
import { hygieneApp } from './hygiene-app.js';

interface OpenApiDocument {
  openapi: string;
  servers: Array<{ url: string }>;
  paths: Record<
    string,
    Record<string, { security?: unknown; requestBody?: unknown; responses?: Record<string, unknown>; parameters?: unknown[] }>
  >;
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
}

describe('GET /api/openapi.json (buildApp)', () => {
  let files: Workspace;
  let app: FastifyInstance;
  let document: OpenApiDocument;
  beforeAll(async () => {
    files = workspace();
    app = await buildApp(files.config({ logLevel: 'silent' }));
    const response = await app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(async () => {
    await app.close();
    files.remove();
  });

  it('is an OpenAPI 3 document for the public origin with the bearer scheme', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(document.servers).toEqual([{ url: 'https://localhost:3000' }]);
    expect(document.components.securitySchemes['entraAccessToken']).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('lists the routes with their schemas, and marks only authenticated ones as needing the token', () => {
    for (const path of ['/api/me', '/api/policy', '/healthz', '/launchevent.js', '/.well-known/microsoft-officeaddins-allowed.json']) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    const me = document.paths['/api/me']?.['get'];
    expect(me?.security).toEqual([{ entraAccessToken: [] }]);
    expect(JSON.stringify(me?.responses?.['200'])).toContain('isAdmin');
    expect(document.paths['/healthz']?.['get']?.security).toBeUndefined();
    expect(JSON.stringify(document.paths['/healthz']?.['get']?.responses?.['200'])).toContain('policyEtag');
  });

  it('leaves out the static file catch-all and the CORS catch-all', () => {
    expect(Object.keys(document.paths).filter((path) => path.includes('*'))).toEqual([]);
  });
});

describe('routes registered after the hygiene layer', () => {
  it('appear with their body, params and security', async () => {
    const app = await hygieneApp({
      routes: async (instance) => {
        instance.post(
          '/api/packages/:id/revoke',
          {
            onRequest: [instance.authenticate, instance.requireAdmin],
            schema: {
              summary: 'Revoke a package',
              params: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
              body: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', maxLength: 200 } } },
              response: { 204: { type: 'null' } },
            },
          },
          async (_request, reply) => reply.code(204).send(),
        );
      },
    });
    const document = (await app.inject('/api/openapi.json')).json<OpenApiDocument>();
    const revoke = document.paths['/api/packages/{id}/revoke']?.['post'];
    expect(revoke?.security).toEqual([{ entraAccessToken: [] }]);
    expect(JSON.stringify(revoke?.requestBody)).toContain('"maxLength":200');
    expect(revoke?.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    await app.close();
  });
});
