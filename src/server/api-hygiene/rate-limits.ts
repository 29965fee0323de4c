import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { APPROVAL_GRANTED_PATH, AUDIT_HANDLER_EVENTS_PATH } from '../../protocol/index.js';
import { approvalAddress } from '../approvals/approval-address.js';

export interface RateLimits {
  /** Requests a minute per signed-in user, over all authenticated routes together. */
  readonly perUserPerMinute: number;
  /**
   * Requests a minute per recipient link (`/d/:token…`), over its landing page, code and download; also per
   * sender address and message fingerprint asked about at APPROVAL_GRANTED_PATH.
   */
  readonly perLinkPerMinute: number;
  /** Requests a minute per client address that authentication refuses, before it answers 429 (default 60). */
  readonly refusedPerAddressPerMinute?: number;
}

export const DEFAULT_RATE_LIMITS = {
  perUserPerMinute: 300,
  perLinkPerMinute: 30,
  refusedPerAddressPerMinute: 60,
} as const satisfies Required<RateLimits>;

/** Routes that are neither authenticated nor a recipient link (add-in files, the policy) are not limited here. */
export const UNLIMITED = 'unlimited';

/**
 * Whom a request counts against: the verified user, else the link token of a recipient page. The limiter
 * runs in preHandler, after the route's `app.authenticate` in onRequest, so `request.user` is set by then
 * (the plugin's default, onRequest, runs before a route's own onRequest hooks and would only see the IP
 * address). Requests that authentication refuses never get here: authentication.ts counts them per address.
 */
export function rateLimitKey(request: FastifyRequest): string {
  if (request.user !== undefined) return `user:${request.user.id}`;
  // The send handler's audit events have no user: they count per client address, at the user rate.
  if (request.routeOptions.url === AUDIT_HANDLER_EVENTS_PATH) return `client:${request.ip}`;
  if (request.routeOptions.url === APPROVAL_GRANTED_PATH) return grantedLookupKey(request.query as GrantedQuery);
  const params = request.params as Record<string, unknown> | undefined;
  const token = params?.['token'];
  if (request.routeOptions.url?.startsWith('/d/') === true && typeof token === 'string') return `link:${token}`;
  return UNLIMITED;
}

interface GrantedQuery {
  readonly sender: string;
  readonly fingerprint: string;
}

/**
 * The send handler's approval lookup has no user either: it counts per message, the sender and fingerprint
 * as the lookup compares them. Per sender alone, anyone knowing an address could use up the sender's lookups
 * with made-up fingerprints; untrimmed, ` boss@x` would get a counter of its own.
 */
function grantedLookupKey(query: GrantedQuery): string {
  return `granted:${approvalAddress(query.sender)}:${query.fingerprint.toLowerCase()}`;
}

export function rateLimitOptions(limits: RateLimits): RateLimitPluginOptions {
  return {
    global: true,
    hook: 'preHandler',
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
    allowList: (_request, key) => key === UNLIMITED,
    max: (_request, key) => (key.startsWith('user:') || key.startsWith('client:') ? limits.perUserPerMinute : limits.perLinkPerMinute),
  };
}
