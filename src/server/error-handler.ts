import type { FastifyError, FastifyInstance } from 'fastify';
import { errorBody } from './error-body.js';

/** 4xx explain the request's mistake; 5xx say only "Internal Server Error" and the detail goes to the log. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      request.log.error({ err: error }, 'Request failed');
      return reply.code(500).send(errorBody(500, 'Internal Server Error'));
    }
    return reply.code(status).send(errorBody(status, error.message));
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBody(404, 'Not Found')));
}
