// The approver's page's token: src/sign-in's token source with MSAL in an ordinary browser tab, where
// there is no Outlook to broker (no nested app authentication) and a full-page redirect is what works
// everywhere, popup blockers included. MSAL's redirect flow: handleRedirectPromise on every load, then
// acquireTokenSilent, else loginRedirect / acquireTokenRedirect
// (https://learn.microsoft.com/entra/identity-platform/scenario-spa-acquire-token).
import { fetchAuthConfig } from '../api-client/index.js';
import { tokenSource, type TokenClient } from '../sign-in/index.js';

const AUTH_CONFIG_TIMEOUT_MS = 5_000;

/**
 * Entra ID sends the browser back to one fixed, registered address (`/approve/`, docs/approval.md); MSAL
 * then returns it to the request's own page, which it remembered before leaving.
 */
export function redirectUri(origin: string): string {
  return `${origin}/approve/`;
}

/** A redirect leaves the page; the caller waits on this until the browser unloads it. */
function leavingThePage(): Promise<never> {
  return new Promise<never>(() => undefined);
}

/** Exported for its test; pages use pageTokenSource. */
export async function redirectClient(config: { readonly clientId: string; readonly authority: string }): Promise<TokenClient> {
  const { PublicClientApplication, InteractionRequiredAuthError } = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
  const msal = new PublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri: redirectUri(window.location.origin) },
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

export function pageTokenSource(origin: string): () => Promise<string> {
  return tokenSource({ fetchConfig: () => fetchAuthConfig(origin, AUTH_CONFIG_TIMEOUT_MS), createClient: redirectClient });
}
