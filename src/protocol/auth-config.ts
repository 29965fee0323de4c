/** `GET /api/auth-config`: how the review pane gets a token for the Preflight API. */
export type ClientAuthConfig =
  | { readonly mode: 'entra'; readonly clientId: string; readonly authority: string; readonly scopes: readonly string[] }
  | { readonly mode: 'development'; readonly token: string }
  | { readonly mode: 'none' };

export const AUTH_CONFIG_PATH = '/api/auth-config';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Null when the answer is not one of the three shapes. */
export function parseClientAuthConfig(value: unknown): ClientAuthConfig | null {
  if (!isRecord(value)) return null;
  if (value['mode'] === 'none') return { mode: 'none' };
  if (value['mode'] === 'development') {
    const token = value['token'];
    return typeof token === 'string' && token !== '' ? { mode: 'development', token } : null;
  }
  if (value['mode'] === 'entra') {
    const { clientId, authority, scopes } = value;
    if (typeof clientId !== 'string' || typeof authority !== 'string' || !Array.isArray(scopes)) return null;
    if (!scopes.every((scope): scope is string => typeof scope === 'string')) return null;
    return { mode: 'entra', clientId, authority, scopes };
  }
  return null;
}
