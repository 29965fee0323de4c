import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { installApiHygiene } from '../../../src/server/api-hygiene/install.js';
import { DEFAULT_BODY_LIMIT_BYTES } from '../../../src/server/api-hygiene/limits-config.js';
import { loggerOptions } from '../../../src/server/api-hygiene/log-redaction.js';
import type { RateLimits } from '../../../src/server/api-hygiene/rate-limits.js';
import type { AuthConfig } from '../../../src/server/auth/auth-config.js';
import { installAuthentication } from '../../../src/server/auth/authentication.js';
import { installErrorHandlers } from '../../../src/server/error-handler.js';

export const ORIGIN = 'https://localhost:3000';

/** buildApp's security and hygiene layers in its order, around routes a test brings (buildApp is ready and closed to new routes). */
export async function hygieneApp(options: {
  readonly routes: FastifyPluginAsync;
  readonly auth?: AuthConfig;
  readonly rateLimits?: RateLimits;
  readonly logStream?: NodeJS.WritableStream;
}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.logStream === undefined ? 'silent' : 'trace', options.logStream),
    bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
  });
  installErrorHandlers(app);
  installAuthentication(app, { auth: options.auth, publicOrigin: ORIGIN });
  await installApiHygiene(app, { publicOrigin: ORIGIN, ...(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits }) });
  await app.register(options.routes);
  await app.ready();
  return app;
}
