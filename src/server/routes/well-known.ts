import type { FastifyInstance } from 'fastify';

export interface WellKnownRouteOptions {
  readonly publicOrigin: string;
}

/**
 * Names the one script of this origin that Office may run with the origin's rights (CORS and SSO in
 * classic Outlook's JS runtime): https://learn.microsoft.com/office/dev/add-ins/develop/use-sso-in-event-based-activation
 */
export async function wellKnownRoutes(app: FastifyInstance, options: WellKnownRouteOptions): Promise<void> {
  const body = { allowed: [`${options.publicOrigin}/launchevent.js`] };
  app.get(
    '/.well-known/microsoft-officeaddins-allowed.json',
    {
      schema: {
        summary: 'Scripts of this origin allowed to run as Office add-in event handlers',
        response: {
          200: {
            type: 'object',
            required: ['allowed'],
            additionalProperties: false,
            properties: { allowed: { type: 'array', items: { type: 'string' } } },
          },
        },
      },
    },
    async (_request, reply) => reply.header('Cache-Control', 'no-cache').send(body),
  );
}
