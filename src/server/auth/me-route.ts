import type { FastifyInstance } from 'fastify';

export const USER_SCHEMA = {
  type: 'object',
  required: ['id', 'tenantId', 'isAdmin'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', description: 'Entra ID tenant id and object id, `<tid>:<oid>`' },
    tenantId: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    isAdmin: { type: 'boolean' },
  },
} as const;

/** Who the token belongs to: the pane shows it and checks the sign-in works. */
export async function meRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/me',
    {
      onRequest: app.authenticate,
      schema: { summary: 'The signed-in user, from the access token', response: { 200: USER_SCHEMA } },
    },
    async (request) => request.user,
  );
}
