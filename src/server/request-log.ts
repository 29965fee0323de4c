import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { isLoopbackOrigin } from './loopback.js';

/** The level of Fastify's two lines per request, "incoming request" and "request completed". */
export type RequestLogLevel = 'info' | 'debug';

/**
 * Debug on a developer's own server (a loopback public origin, as `npm start` has), where one page
 * load writes dozens of request lines under the start-up banner; info everywhere else, where they are
 * the record of who asked for what (docs/deploy.md). PREFLIGHT_LOG_LEVEL=debug shows them again.
 */
export function requestLogLevelFor(publicOrigin: string): RequestLogLevel {
  return isLoopbackOrigin(publicOrigin) ? 'debug' : 'info';
}

/**
 * Fastify's own log lines with the two request lines at `level`. A failed request still logs at error
 * ("request errored", and error-handler.ts's "Request failed"), whatever the level.
 * Fastify's LogController: node_modules/fastify/docs/Reference/Server.md#logcontroller.
 */
class LeveledRequestLog extends LogController {
  constructor(private readonly level: RequestLogLevel) {
    super();
  }

  override incomingRequest(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log[this.level]({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) {
      super.requestCompleted(error, request, reply);
      return;
    }
    if (this.isLogDisabled(request)) return;
    reply.log[this.level]({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

export function requestLogController(level: RequestLogLevel): LogController {
  return new LeveledRequestLog(level);
}
