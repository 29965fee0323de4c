// The bearer token for the Preflight API. Development servers on localhost hand out their fixed token;
// Entra ID sign-in (MSAL nested app authentication) is not in this build yet, and says so.
import { fetchAuthConfig } from '../api-client/index.js';

export type TokenProblem = 'not-set-up' | 'entra-not-built' | 'unreachable';

export class TokenUnavailable extends Error {
  override readonly name = 'TokenUnavailable';

  constructor(readonly problem: TokenProblem, detail: string) {
    super(detail);
  }
}

const AUTH_CONFIG_TIMEOUT_MS = 5_000;

export async function apiToken(origin: string): Promise<string> {
  let config;
  try {
    config = await fetchAuthConfig(origin, AUTH_CONFIG_TIMEOUT_MS);
  } catch (error) {
    throw new TokenUnavailable('unreachable', error instanceof Error ? error.message : String(error));
  }
  if (config.mode === 'development') return config.token;
  if (config.mode === 'entra') throw new TokenUnavailable('entra-not-built', 'Entra ID sign-in in the pane is not built yet');
  throw new TokenUnavailable('not-set-up', 'the server has no sign-in configured');
}
