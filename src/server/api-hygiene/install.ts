import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { corsOptions } from './cors.js';
import { defaultNoStore } from './no-store.js';
import { registerOpenApi } from './openapi.js';
import { DEFAULT_RATE_LIMITS, rateLimitOptions, type RateLimits } from './rate-limits.js';
import { sharedRateStore } from './shared-rate-store.js';
import type { SharedCounters } from '../storage/shared-counters.js';

export interface ApiHygieneOptions {
  readonly publicOrigin: string;
  readonly rateLimits?: RateLimits;
  /** Counters shared with the other instances (PostgreSQL); absent, each process counts for itself. */
  readonly counters?: SharedCounters;
}

/**
 * CORS for the add-in origin, the OpenAPI document, rate limits and no-store defaults. Call after
 * `installAuthentication` (the OpenAPI document and the limiter recognise `app.authenticate`) and before
 * any route (both collect routes as they are added).
 */
export async function installApiHygiene(app: FastifyInstance, options: ApiHygieneOptions): Promise<void> {
  await app.register(cors, corsOptions(options.publicOrigin));
  await registerOpenApi(app, { publicOrigin: options.publicOrigin });
  const limits = rateLimitOptions(options.rateLimits ?? DEFAULT_RATE_LIMITS);
  await app.register(
    rateLimit,
    options.counters === undefined
      ? limits
      : // A database that cannot count must not turn every request away: the request goes on, uncounted.
        { ...limits, store: sharedRateStore(options.counters), skipOnError: true },
  );
  defaultNoStore(app);
}
