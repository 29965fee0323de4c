import { fieldsOf, isText } from './fields.js';

/** `GET /api/auth-config`: how the review pane gets a token for the Preflight API. */
export type ClientAuthConfig =
  | { readonly mode: 'entra'; readonly clientId: string; readonly authority: string; readonly scopes: readonly string[] }
  | { readonly mode: 'development'; readonly token: string }
  | { readonly mode: 'none' };

/** Null when the answer is not one of the three shapes. */
export function parseClientAuthConfig(value: unknown): ClientAuthConfig | null {
  const fields = fieldsOf(value);
  if (fields === null) return null;
  if (fields['mode'] === 'none') return { mode: 'none' };
  if (fields['mode'] === 'development') {
    const token = fields['token'];
    return isText(token) ? { mode: 'development', token } : null;
  }
  if (fields['mode'] === 'entra') {
    const { clientId, authority, scopes } = fields;
    if (typeof clientId !== 'string' || typeof authority !== 'string' || !Array.isArray(scopes)) return null;
    if (!scopes.every((scope): scope is string => typeof scope === 'string')) return null;
    return { mode: 'entra', clientId, authority, scopes };
  }
  return null;
}
