// The console's token: the redirect sign-in of src/sign-in, returning to `/admin/`, the address to
// register in Entra ID (docs/admin.md, "Console").
import { fetchAuthConfig } from '../api-client/index.js';
import { redirectTokenSource } from '../sign-in/index.js';

const AUTH_CONFIG_TIMEOUT_MS = 5_000;
export const ADMIN_RETURN_PATH = '/admin/';

export function adminTokenSource(origin: string): () => Promise<string> {
  return redirectTokenSource(() => fetchAuthConfig(origin, AUTH_CONFIG_TIMEOUT_MS), ADMIN_RETURN_PATH);
}
