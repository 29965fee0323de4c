import type { FastifyInstance } from 'fastify';

const PRIVATE_PATHS = ['/api/', '/d/'];

/** API answers and recipient pages are per user or per link: no cache keeps them unless a route says otherwise. */
export function defaultNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.hasHeader('Cache-Control')) return payload;
    if (PRIVATE_PATHS.some((prefix) => request.url.startsWith(prefix))) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
