import type { FastifyInstance } from 'fastify';
import { matchesEntityTag } from '../entity-tag.js';
import type { LaunchEventScript } from '../launchevent-script.js';

export interface LaunchEventRouteOptions {
  readonly script: () => LaunchEventScript;
}

/** The handler bundle behind the PREFLIGHT_BOOT line, revalidated on every load so a policy edit reaches Outlook. */
export async function launchEventRoutes(app: FastifyInstance, options: LaunchEventRouteOptions): Promise<void> {
  app.get(
    '/launchevent.js',
    {
      schema: {
        summary: 'Send and compose handlers for Outlook, with the origin and policy they start from',
        headers: { type: 'object', properties: { 'if-none-match': { type: 'string' } } },
        response: {
          200: { description: 'JavaScript (one ES2016 script)', type: 'string' },
          304: { description: 'Not modified', type: 'null' },
        },
      },
    },
    async (request, reply) => {
      const script = options.script();
      reply.header('ETag', script.etag).header('Cache-Control', 'no-cache');
      if (matchesEntityTag(request.headers['if-none-match'], script.etag)) return reply.code(304).send();
      return reply.type('text/javascript; charset=utf-8').send(script.body);
    },
  );
}
