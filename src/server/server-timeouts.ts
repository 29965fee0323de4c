/**
 * How long the HTTP server waits for a client (docs/deploy.md, "Timeouts"). Without them a client that
 * opens a connection and sends slowly, or nothing, holds it forever (Fastify's connectionTimeout and
 * requestTimeout default to 0: https://fastify.dev/docs/latest/Reference/Server/).
 */
export interface ServerTimeouts {
  /** From the first byte of a request to the end of its headers (Node's server.headersTimeout). */
  readonly headersMs: number;
  /** From the first byte of a request to the end of its body (Node's server.requestTimeout). */
  readonly requestMs: number;
  /** A connection on which nothing moves in either direction for this long is closed (server.timeout). */
  readonly connectionIdleMs: number;
  /** An idle keep-alive connection waits this long for the next request (server.keepAliveTimeout). */
  readonly keepAliveMs: number;
}

export const DEFAULT_SERVER_TIMEOUTS: ServerTimeouts = {
  // Headers are a few KiB: half a minute covers any line that can carry the add-in at all.
  headersMs: 30_000,
  // 15 minutes: the 35 MB of a protected-ZIP request at 0.3 Mbit/s, a 100 MiB secure-link file at 0.9 Mbit/s.
  requestMs: 15 * 60_000,
  // Longer than the slowest quiet step of a request (a code mail through a slow relay: code-mailer.ts allows 40 s).
  connectionIdleMs: 2 * 60_000,
  // Fastify's default: longer than the 60 s idle timeout of common load balancers, so the proxy closes first.
  keepAliveMs: 72_000,
};

/** Node checks headersMs and requestMs on this interval (default 30 s), so a short timeout needs a short interval. */
const MAX_CHECK_INTERVAL_MS = 30_000;

/** Fastify's own options for the timeouts it sets on the server it creates. */
export function fastifyTimeoutOptions(timeouts: ServerTimeouts): {
  connectionTimeout: number;
  requestTimeout: number;
  keepAliveTimeout: number;
} {
  return { connectionTimeout: timeouts.connectionIdleMs, requestTimeout: timeouts.requestMs, keepAliveTimeout: timeouts.keepAliveMs };
}

/** Options for Node's http(s).createServer that Fastify does not set itself. */
export function nodeServerTimeoutOptions(timeouts: ServerTimeouts): { headersTimeout: number; connectionsCheckingInterval: number } {
  return {
    headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
    connectionsCheckingInterval: Math.max(1, Math.min(MAX_CHECK_INTERVAL_MS, Math.floor(timeouts.headersMs / 2))),
  };
}
