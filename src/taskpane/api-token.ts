// The pane's token: src/sign-in's token source with MSAL nested app authentication — silently from
// Outlook's own sign-in, with a popup only when Entra asks for the user (consent, MFA).
import { fetchAuthConfig } from '../api-client/index.js';
import { tokenSource, type TokenClient } from '../sign-in/index.js';

const AUTH_CONFIG_TIMEOUT_MS = 5_000;

/** MSAL is loaded only when the server uses Entra ID, as its own chunk from the add-in's origin. */
async function nestedAppClient(config: { readonly clientId: string; readonly authority: string }): Promise<TokenClient> {
  const { createNestablePublicClientApplication } = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
  const msal = await createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority } });
  return {
    acquireTokenSilent: (request) => msal.acquireTokenSilent(request),
    acquireTokenInteractive: (request) => msal.acquireTokenPopup(request),
  };
}

export function officeTokenSource(origin: string): () => Promise<string> {
  return tokenSource({ fetchConfig: () => fetchAuthConfig(origin, AUTH_CONFIG_TIMEOUT_MS), createClient: nestedAppClient });
}
