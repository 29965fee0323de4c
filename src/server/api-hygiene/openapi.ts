import swagger from '@fastify/swagger';
import type { FastifyInstance, RouteOptions } from 'fastify';

export const OPENAPI_PATH = '/api/openapi.json';

const SECURITY_SCHEME = 'entraAccessToken';

function usesAuthentication(app: FastifyInstance, route: RouteOptions): boolean {
  const handlers = [route.onRequest ?? [], route.preHandler ?? []].flat();
  return handlers.includes(app.authenticate);
}

/**
 * The OpenAPI document, generated from the route schemas. Register before the routes: the generator
 * collects routes as they are added. Routes that run `app.authenticate` are marked as needing the bearer token.
 */
export async function registerOpenApi(app: FastifyInstance, options: { readonly publicOrigin: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Preflight API',
        version: '1',
        description: 'The backend of the Preflight Outlook add-in. How to call it and how to set up sign-in: docs/api.md.',
      },
      servers: [{ url: options.publicOrigin }],
      components: {
        securitySchemes: {
          [SECURITY_SCHEME]: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: "An Entra ID access token for the API's access_as_user scope (docs/api.md)",
          },
        },
      },
    },
  });
  app.addHook('onRoute', (route) => {
    if (!usesAuthentication(app, route)) return;
    route.schema = { ...route.schema, security: [{ [SECURITY_SCHEME]: [] }] };
  });
  app.get(
    OPENAPI_PATH,
    { schema: { summary: 'This OpenAPI document', response: { 200: { type: 'object', additionalProperties: true } } } },
    async (_request, reply) => reply.header('Cache-Control', 'no-cache').send(app.swagger()),
  );
}
