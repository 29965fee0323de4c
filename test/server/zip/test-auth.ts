import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../../../src/server/auth/user.js';

export const TEST_TOKEN = 'test-token-for-zip-routes';
export const TEST_USER: AuthenticatedUser = { id: 'tenant-1:user-1', tenantId: 'tenant-1', email: 'taro@example.co.jp', isAdmin: false };

/** Stands in for the real auth plugin: one fixed bearer token, one fixed user. */
export function decorateTestAuth(app: FastifyInstance): void {
  app.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.headers.authorization !== `Bearer ${TEST_TOKEN}`) {
      await reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'A valid bearer token is required' });
      return;
    }
    request.user = TEST_USER;
  });
  app.decorate('requireAdmin', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.user?.isAdmin !== true) await reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'Administrators only' });
  });
}
