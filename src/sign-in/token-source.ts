// The bearer token for the Preflight API, for every page that calls it. The server says how to get one
// (GET /api/auth-config): a development server on localhost hands out its fixed token; otherwise the page
// signs in with Entra ID through MSAL — silently when it can, interactively only when Entra asks for the
// user (consent, MFA, no account yet). Each page brings its own MSAL client: nested app authentication
// with a popup in the pane, a full-page redirect on the approver's page.
import type { ClientAuthConfig } from '../protocol/index.js';

export type TokenProblem = 'not-set-up' | 'unreachable' | 'sign-in-failed';

export class TokenUnavailable extends Error {
  override readonly name = 'TokenUnavailable';

  constructor(
    readonly problem: TokenProblem,
    detail: string,
  ) {
    super(detail);
  }
}

export interface TokenRequest {
  readonly scopes: string[];
}

/** The part of MSAL's IPublicClientApplication a page uses; `acquireTokenInteractive` is a popup or a redirect. */
export interface TokenClient {
  acquireTokenSilent(request: TokenRequest): Promise<{ readonly accessToken: string }>;
  acquireTokenInteractive(request: TokenRequest): Promise<{ readonly accessToken: string }>;
}

export interface TokenSourceDependencies {
  readonly fetchConfig: () => Promise<ClientAuthConfig>;
  readonly createClient: (config: { readonly clientId: string; readonly authority: string }) => Promise<TokenClient>;
}

function detailOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** MSAL's InteractionRequiredAuthError, matched by name so this layer needs no MSAL import. */
function needsUser(error: unknown): boolean {
  return error instanceof Error && error.name === 'InteractionRequiredAuthError';
}

/** One per page: the configuration and the MSAL client are made once, a failure is retried on the next call. */
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
      return (await msal.acquireTokenInteractive(request)).accessToken;
    } catch (error) {
      throw new TokenUnavailable('sign-in-failed', detailOf(error));
    }
  };
}
