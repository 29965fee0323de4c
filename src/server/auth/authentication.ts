import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { DEFAULT_RATE_LIMITS } from '../api-hygiene/rate-limits.js';
import { StartupError } from '../startup-error.js';
import type { SharedCounters } from '../storage/shared-counters.js';
import { isLoopbackOrigin } from '../loopback.js';
import { jwksUrlProblem, type AuthConfig } from './auth-config.js';
import { bearerToken } from './bearer-token.js';
import { DEVELOPMENT_USER, matchesDevelopmentToken } from './development-token.js';
import { verifyEntraToken, type TokenCheck } from './entra-token.js';
import { countRefusals } from './refusal-counter.js';
import type { AuthenticatedUser } from './user.js';
import { errorBody } from '../error-body.js';

export interface AuthenticationOptions {
  /** Undefined: nobody is configured to get in, every authenticated route answers 401. */
  readonly auth: AuthConfig | undefined;
  readonly publicOrigin: string;
  /** Signing keys instead of fetching `entra.jwksUrl` (tests). */
  readonly keys?: JWTVerifyGetKey;
  /** Refused requests a minute per client address before they get 429 (default DEFAULT_RATE_LIMITS). */
  readonly refusedPerAddressPerMinute?: number;
  /** Counters several instances share; without them each instance counts refusals on its own. */
  readonly counters?: SharedCounters;
}

/** The one answer to every authentication failure (RFC 6750 §3), so a caller cannot probe which check failed. */
export const UNAUTHORIZED_BODY = errorBody(401, 'A valid Preflight access token is required (Authorization: Bearer <token>)');
export const WWW_AUTHENTICATE = 'Bearer realm="Preflight", error="invalid_token"';

export const FORBIDDEN_BODY = errorBody(403, 'This needs the Preflight administrator role');

type Refuse = (request: FastifyRequest, reply: FastifyReply, reason: string) => Promise<FastifyReply>;

/**
 * 401, or 429 once the client's address has had more refusals this minute than allowed: the per-user
 * limit cannot count requests that carry no user (docs/api.md, "Rate limits").
 */
function refuser(perMinute: number, counters: SharedCounters | undefined): Refuse {
  const countRefusal = countRefusals(60_000, Date.now, counters);
  return async (request, reply, reason) => {
    request.log.info({ authFailure: reason }, 'Authentication failed');
    const { count, resetInMs } = await countRefusal(request.ip);
    if (count > perMinute) {
      const seconds = Math.max(1, Math.ceil(resetInMs / 1000));
      return reply
        .code(429)
        .header('Retry-After', String(seconds))
        .header('Cache-Control', 'no-store')
        .send(errorBody(429, `Rate limit exceeded, retry in ${seconds} seconds`));
    }
    return reply.code(401).header('WWW-Authenticate', WWW_AUTHENTICATE).header('Cache-Control', 'no-store').send(UNAUTHORIZED_BODY);
  };
}

type Verifier = (token: string) => Promise<TokenCheck>;

function verifier(options: AuthenticationOptions): Verifier {
  const { auth } = options;
  const entra = auth?.entra;
  const keys = entra === undefined ? undefined : (options.keys ?? createRemoteJWKSet(new URL(entra.jwksUrl)));
  const development = auth?.developmentToken;
  return async (token) => {
    if (development !== undefined && matchesDevelopmentToken(token, development.token)) return { ok: true, user: DEVELOPMENT_USER };
    if (entra === undefined || keys === undefined) return { ok: false, reason: 'no identity provider configured' };
    return verifyEntraToken(token, entra, keys, auth?.admins ?? []);
  };
}

function announce(app: FastifyInstance, options: AuthenticationOptions): void {
  const { auth } = options;
  if (auth?.developmentToken?.generated === true) {
    app.log.warn(
      'DEVELOPMENT MODE: no sign-in configured; the API accepts a development token generated at start, handed only to pages of this loopback origin',
    );
  } else if (auth?.developmentToken !== undefined) {
    app.log.warn('DEVELOPMENT MODE: the API accepts the fixed PREFLIGHT_DEV_TOKEN as an administrator; never use it in production');
  }
  if (auth?.entra === undefined && auth?.developmentToken === undefined) {
    app.log.warn('Entra ID is not configured (PREFLIGHT_ENTRA_TENANT, PREFLIGHT_ENTRA_AUDIENCE): API calls that need a user get 401');
  } else if (auth?.entra === undefined) {
    app.log.warn('Entra ID is not configured (PREFLIGHT_ENTRA_TENANT, PREFLIGHT_ENTRA_AUDIENCE): only the development token signs in');
  }
}

/**
 * Decorates `app.authenticate` and `app.requireAdmin` (the contract in user.ts), for routes' `onRequest`
 * so that a request without a valid token is refused before its body is read. Call on the root
 * instance before any route that uses them. Throws StartupError when the development token would be
 * accepted on a public origin that was not explicitly allowed, or the signing keys would come over plain http.
 */
export function installAuthentication(app: FastifyInstance, options: AuthenticationOptions): void {
  const jwksUrl = options.auth?.entra?.jwksUrl;
  const jwksProblem = jwksUrl === undefined ? null : jwksUrlProblem(jwksUrl);
  if (jwksProblem !== null)
    throw new StartupError(
      'bad-environment',
      'PREFLIGHT_ENTRA_JWKS_URL is not an https URL: the Entra ID signing keys must not come over plain http.',
      [jwksProblem],
    );
  const development = options.auth?.developmentToken;
  if (development !== undefined && !development.forced && !isLoopbackOrigin(options.publicOrigin)) {
    throw new StartupError('bad-environment', `The development token is refused on ${options.publicOrigin}.`, [
      'PREFLIGHT_DEV_TOKEN works only with a localhost PREFLIGHT_PUBLIC_URL unless PREFLIGHT_DEV_TOKEN_FORCE=true.',
    ]);
  }
  announce(app, options);
  const verify = verifier(options);
  const refuse = refuser(options.refusedPerAddressPerMinute ?? DEFAULT_RATE_LIMITS.refusedPerAddressPerMinute, options.counters);

  app.decorateRequest('user', undefined);
  app.decorate('authenticate', async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const token = bearerToken(request.headers.authorization);
    if (token === null)
      return refuse(
        request,
        reply,
        request.headers.authorization === undefined ? 'no Authorization header' : 'malformed Authorization header',
      );
    let check: TokenCheck;
    try {
      check = await verify(token);
    } catch (error) {
      throw new Error('Cannot fetch the Entra ID signing keys', { cause: error });
    }
    if (!check.ok) return refuse(request, reply, check.reason);
    request.user = check.user;
    return undefined;
  });
  app.decorate('requireAdmin', async function requireAdmin(request: FastifyRequest, reply: FastifyReply) {
    const user: AuthenticatedUser | undefined = request.user;
    if (user === undefined) throw new Error('requireAdmin must run after authenticate');
    if (user.isAdmin) return undefined;
    request.log.info({ userId: user.id }, 'Administrator role required');
    return reply.code(403).header('Cache-Control', 'no-store').send(FORBIDDEN_BODY);
  });
}
