import type { FastifyInstance } from 'fastify';

export interface HealthRouteOptions {
  readonly policyEtag: () => string;
}

export async function healthRoutes(app: FastifyInstance, options: HealthRouteOptions): Promise<void> {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness, with the ETag of the policy being served',
        response: {
          200: {
            type: 'object',
            required: ['status', 'policyEtag'],
            additionalProperties: false,
            properties: { status: { type: 'string', enum: ['ok'] }, policyEtag: { type: 'string' } },
          },
        },
      },
    },
    async (_request, reply) => reply.header('Cache-Control', 'no-store').send({ status: 'ok', policyEtag: options.policyEtag() }),
  );
}
