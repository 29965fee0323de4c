import type { onRequestAsyncHookHandler } from 'fastify';

/** Who is calling the API, from a validated bearer token (or the explicitly configured development token). */
export interface AuthenticatedUser {
  /** Stable id: Entra ID `tid` + `oid`, never the UPN (it can be renamed). */
  readonly id: string;
  readonly tenantId: string;
  readonly email?: string;
  readonly name?: string;
  readonly isAdmin: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `app.authenticate`; absent on routes that do not use it. */
    user?: AuthenticatedUser;
  }
  interface FastifyInstance {
    /** onRequest, so nothing is read before it: 401 unless the request carries a valid bearer token; sets `request.user`. */
    authenticate: onRequestAsyncHookHandler;
    /** onRequest after `authenticate`: 403 unless `request.user.isAdmin`. */
    requireAdmin: onRequestAsyncHookHandler;
  }
}
