import type { FastifyInstance } from 'fastify';
import { POLICY_PATH } from '../../protocol/index.js';
import { matchesEntityTag } from '../entity-tag.js';
import type { PublishedPolicy } from '../policy-file.js';

export interface PolicyRouteOptions {
  readonly policy: () => PublishedPolicy;
  readonly publicOrigin: string;
}

/**
 * The organisation's policy document as validated from the policy file. Classic Outlook's JS runtime
 * may send the request as cross-origin even from the add-in's own origin, so CORS names that origin
 * (https://github.com/OfficeDev/office-js/issues/3907).
 */
export async function policyRoutes(app: FastifyInstance, options: PolicyRouteOptions): Promise<void> {
  app.get(
    POLICY_PATH,
    {
      schema: {
        summary: "The organisation's policy document (config/policy.json)",
        headers: { type: 'object', properties: { 'if-none-match': { type: 'string' } } },
        response: {
          200: { description: 'The policy document', type: 'object', additionalProperties: true },
          304: { description: 'Not modified', type: 'null' },
        },
      },
    },
    async (request, reply) => {
      const published = options.policy();
      reply.header('ETag', published.etag).header('Cache-Control', 'no-cache').header('Access-Control-Allow-Origin', options.publicOrigin);
      if (matchesEntityTag(request.headers['if-none-match'], published.etag)) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(published.json);
    },
  );

  app.options(
    POLICY_PATH,
    {
      schema: {
        summary: 'CORS preflight for the policy',
        response: { 204: { description: 'Allowed', type: 'null' } },
      },
    },
    async (_request, reply) =>
      reply
        .code(204)
        .header('Access-Control-Allow-Origin', options.publicOrigin)
        .header('Access-Control-Allow-Methods', 'GET, HEAD')
        .header('Access-Control-Allow-Headers', 'Accept, If-None-Match')
        .header('Access-Control-Max-Age', '600')
        .send(),
  );
}
