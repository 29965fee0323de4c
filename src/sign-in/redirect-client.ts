// A page's token in an ordinary browser tab (the approver's page, the admin console): src/sign-in's token
// source with MSAL in redirect mode, since there is no Outlook to broker (no nested app authentication) and
// a full-page redirect works everywhere, popup blockers included. MSAL's redirect flow: handleRedirectPromise
// on every load, then acquireTokenSilent, else loginRedirect / acquireTokenRedirect
// (https://learn.microsoft.com/entra/identity-platform/scenario-spa-acquire-token).
import type { ClientAuthConfig } from '../protocol/index.js';
import { tokenSource, type TokenClient } from './token-source.js';

/**
 * Entra ID sends the browser back to one fixed, registered address per page (`/approve/`, `/admin/`);
 * MSAL then returns it to the page the user was on, which it remembered before leaving.
 */
export function redirectUri(origin: string, returnPath: string): string {
  return `${origin}${returnPath}`;
}

/** A redirect leaves the page; the caller waits on this until the browser unloads it. */
function leavingThePage(): Promise<never> {
  return new Promise<never>(() => undefined);
}

/** Exported for its test; pages use redirectTokenSource. */
export async function redirectClient(
  config: { readonly clientId: string; readonly authority: string },
  returnPath: string,
): Promise<TokenClient> {
  const { PublicClientApplication, InteractionRequiredAuthError } = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
  const msal = new PublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri: redirectUri(window.location.origin, returnPath) },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await msal.initialize();
  const returned = await msal.handleRedirectPromise();
  const account = returned?.account ?? msal.getActiveAccount() ?? msal.getAllAccounts()[0] ?? null;
  if (account !== null) msal.setActiveAccount(account);
  return {
    acquireTokenSilent: (request) => {
      const active = msal.getActiveAccount();
      if (active === null) return Promise.reject(new InteractionRequiredAuthError('no_account', 'nobody has signed in on this page yet'));
      return msal.acquireTokenSilent({ ...request, account: active });
    },
    acquireTokenInteractive: async (request) => {
      const start = { ...request, redirectStartPage: window.location.href };
      await (msal.getActiveAccount() === null ? msal.loginRedirect(start) : msal.acquireTokenRedirect(start));
      return leavingThePage();
    },
  };
}

/** One per page; `fetchConfig` is GET /api/auth-config, which the page's api-client makes. */
export function redirectTokenSource(fetchConfig: () => Promise<ClientAuthConfig>, returnPath: string): () => Promise<string> {
  return tokenSource({ fetchConfig, createClient: (config) => redirectClient(config, returnPath) });
}
