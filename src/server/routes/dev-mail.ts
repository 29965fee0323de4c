import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEV_MAIL_PATH } from '../../protocol/index.js';
import { bearerToken } from '../auth/bearer-token.js';
import { matchesDevelopmentToken } from '../auth/development-token.js';
import type { MailCatcher } from '../mail/mail-catcher.js';
import { errorBody } from '../error-body.js';

export interface DevMailRouteOptions {
  /** Undefined: mail is sent (or refused), nothing is caught, and the route does not exist. */
  readonly catcher: MailCatcher | undefined;
  /** The development token; undefined: the route does not exist. */
  readonly developmentToken: string | undefined;
}

const NOT_FOUND = errorBody(404, 'Not Found');

const CAUGHT_MAIL_SCHEMA = {
  type: 'object',
  required: ['id', 'to', 'subject', 'text', 'sentAt'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer' },
    to: { type: 'string' },
    subject: { type: 'string' },
    text: { type: 'string', description: 'The plain-text body, one-time code included' },
    sentAt: { type: 'string', format: 'date-time' },
  },
} as const;

/**
 * `GET /api/dev/mail`: the caught mail, for the development token only. Everyone else, a valid Entra ID
 * user included, gets the same 404 as an unknown path: the caught mail holds codes for other people's
 * links, and a server that is not in development mode should not even seem to have the route.
 */
export async function devMailRoutes(app: FastifyInstance, options: DevMailRouteOptions): Promise<void> {
  const { catcher, developmentToken } = options;
  if (catcher === undefined || developmentToken === undefined) return;
  const onlyDeveloper = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(request.headers.authorization);
    if (token !== null && matchesDevelopmentToken(token, developmentToken)) return undefined;
    return reply.code(404).header('Cache-Control', 'no-store').send(NOT_FOUND);
  };
  app.get(
    DEV_MAIL_PATH,
    {
      onRequest: onlyDeveloper,
      schema: {
        summary: 'Development only: mail kept instead of sent (no SMTP relay), newest first, at most 50',
        tags: ['development'],
        response: {
          200: {
            type: 'object',
            required: ['messages'],
            additionalProperties: false,
            properties: { messages: { type: 'array', items: CAUGHT_MAIL_SCHEMA } },
          },
        },
      },
    },
    async (_request, reply) => reply.header('Cache-Control', 'no-store').send({ messages: catcher.messages() }),
  );
}
