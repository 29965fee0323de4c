// The bearer token for the Preflight API. The server says how to get one (GET /api/auth-config): a
// development server on localhost hands out its fixed token; otherwise the pane signs in with Entra ID
// through MSAL nested app authentication — silently from Outlook's own sign-in, with a popup only when
// Entra asks for the user (consent, MFA).
import { fetchAuthConfig } from '../api-client/index.js';
import type { ClientAuthConfig } from '../protocol/index.js';

export type TokenProblem = 'not-set-up' | 'unreachable' | 'sign-in-failed';

export class TokenUnavailable extends Error {
  override readonly name = 'TokenUnavailable';

  constructor(readonly problem: TokenProblem, detail: string) {
    super(detail);
  }
}

export interface TokenRequest {
  readonly scopes: string[];
}

/** The part of MSAL's IPublicClientApplication the pane uses. */
export interface TokenClient {
  acquireTokenSilent(request: TokenRequest): Promise<{ readonly accessToken: string }>;
  acquireTokenPopup(request: TokenRequest): Promise<{ readonly accessToken: string }>;
}

export interface TokenSourceDependencies {
  readonly fetchConfig: () => Promise<ClientAuthConfig>;
  readonly createClient: (config: { readonly clientId: string; readonly authority: string }) => Promise<TokenClient>;
}

const AUTH_CONFIG_TIMEOUT_MS = 5_000;

function detailOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function needsUser(error: unknown): boolean {
  return error instanceof Error && error.name === 'InteractionRequiredAuthError';
}

/** One per pane: the configuration and the MSAL client are made once, a failure is retried on the next call. */
export function tokenSource(dependencies: TokenSourceDependencies): () => Promise<string> {
  let config: Promise<ClientAuthConfig> | null = null;
  let client: Promise<TokenClient> | null = null;
  return async () => {
    config ??= dependencies.fetchConfig();
    let settings: ClientAuthConfig;
    try {
      settings = await config;
    } catch (error) {
      config = null;
      throw new TokenUnavailable('unreachable', detailOf(error));
    }
    if (settings.mode === 'development') return settings.token;
    if (settings.mode === 'none') throw new TokenUnavailable('not-set-up', 'the server has no sign-in configured');
    const request = { scopes: [...settings.scopes] };
    client ??= dependencies.createClient({ clientId: settings.clientId, authority: settings.authority });
    let msal: TokenClient;
    try {
      msal = await client;
    } catch (error) {
      client = null;
      throw new TokenUnavailable('sign-in-failed', detailOf(error));
    }
    try {
      return (await msal.acquireTokenSilent(request)).accessToken;
    } catch (error) {
      if (!needsUser(error)) throw new TokenUnavailable('sign-in-failed', detailOf(error));
    }
    try {
      return (await msal.acquireTokenPopup(request)).accessToken;
    } catch (error) {
      throw new TokenUnavailable('sign-in-failed', detailOf(error));
    }
  };
}

/** MSAL is loaded only when the server uses Entra ID, as its own chunk from the add-in's origin. */
async function nestedAppClient(config: { readonly clientId: string; readonly authority: string }): Promise<TokenClient> {
  const { createNestablePublicClientApplication } = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
  return createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority } });
}

export function officeTokenSource(origin: string): () => Promise<string> {
  return tokenSource({ fetchConfig: () => fetchAuthConfig(origin, AUTH_CONFIG_TIMEOUT_MS), createClient: nestedAppClient });
}
