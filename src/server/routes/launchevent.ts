import type { FastifyInstance } from 'fastify';
import { matchesEntityTag } from '../entity-tag.js';
import type { LaunchEventScript } from '../launchevent-script.js';
import { errorBody } from '../error-body.js';

export interface LaunchEventRouteOptions {
  readonly script: () => LaunchEventScript;
  /** The bundle's source map shifted for the boot line; null: the build has none. */
  readonly sourceMap: string | null;
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
  // Named, so it wins over dist/launchevent.js.map, whose lines are one off from the composed script.
  app.get(
    '/launchevent.js.map',
    { schema: { summary: 'Source map of /launchevent.js, for stack traces from the runtime log', hide: true } },
    async (_request, reply) => {
      if (options.sourceMap === null) return reply.code(404).send(errorBody(404, 'This build has no source map for launchevent.js'));
      return reply.header('Cache-Control', 'no-cache').type('application/json; charset=utf-8').send(options.sourceMap);
    },
  );
}
