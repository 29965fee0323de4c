import type { FastifyInstance } from 'fastify';
import { AUTH_CONFIG_PATH, type ClientAuthConfig } from '../../protocol/index.js';
import { isLoopbackOrigin } from '../loopback.js';
import type { AuthConfig, EntraSettings } from './auth-config.js';
import { isLocalPageRequest } from './local-page-request.js';

const AUTH_CONFIG_SCHEMA = {
  type: 'object',
  required: ['mode'],
  additionalProperties: false,
  properties: {
    mode: { type: 'string', enum: ['entra', 'development', 'none'] },
    clientId: { type: 'string', description: "entra: the add-in's application (client) id" },
    authority: { type: 'string', description: 'entra: https://login.microsoftonline.com/<tenant>' },
    scopes: { type: 'array', items: { type: 'string' }, description: "entra: the API's delegated scope, e.g. api://…/access_as_user" },
    token: { type: 'string', description: 'development: the development token (only on a localhost server, only to its own pages)' },
  },
} as const;

/** The API's own identifier for a scope: its api:// URI when it has one, else its application id. */
function scopeOf(entra: EntraSettings): string {
  const resource = entra.audiences.find((audience) => audience.startsWith('api://')) ?? entra.audiences[0] ?? '';
  return `${resource.replace(/\/+$/, '')}/${entra.requiredScope}`;
}

/**
 * Entra ID when the add-in's client id is known; else the development token, but only to a server on
 * localhost (even a forced public development token is never handed out by an unauthenticated route);
 * else none, and the pane says sign-in is not set up.
 */
export function clientAuthConfig(auth: AuthConfig | undefined, publicOrigin: string): ClientAuthConfig {
  const entra = auth?.entra;
  if (entra?.clientId !== undefined) {
    const tenant = entra.tenantIds.length === 1 ? entra.tenantIds[0] : 'organizations';
    return { mode: 'entra', clientId: entra.clientId, authority: `https://login.microsoftonline.com/${tenant}`, scopes: [scopeOf(entra)] };
  }
  const development = auth?.developmentToken;
  if (development !== undefined && isLoopbackOrigin(publicOrigin)) return { mode: 'development', token: development.token };
  return { mode: 'none' };
}

/** `GET /api/auth-config`: unauthenticated, since the pane needs it before it has a token. */
export async function authConfigRoutes(
  app: FastifyInstance,
  options: { readonly auth: AuthConfig | undefined; readonly publicOrigin: string },
): Promise<void> {
  const answer = clientAuthConfig(options.auth, options.publicOrigin);
  const none: ClientAuthConfig = { mode: 'none' };
  app.get<{ Reply: ClientAuthConfig }>(
    AUTH_CONFIG_PATH,
    {
      schema: {
        summary: 'How the review pane signs in: Entra ID (nested app authentication), the development token, or none',
        tags: ['auth'],
        response: { 200: AUTH_CONFIG_SCHEMA },
      },
    },
    // no-store: the development answer carries a token, which goes only to this server's own pages (local-page-request.ts).
    async (request, reply) => {
      const header = (name: string): string | undefined => {
        const value = request.headers[name];
        return typeof value === 'string' ? value : undefined;
      };
      const local = isLocalPageRequest({ host: header('host'), origin: header('origin'), fetchSite: header('sec-fetch-site') });
      return reply.header('Cache-Control', 'no-store').send(answer.mode === 'development' && !local ? none : answer);
    },
  );
}
