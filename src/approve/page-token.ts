// The approver's page's token: the redirect sign-in of src/sign-in, returning to `/approve/`
// (docs/approval.md, "Approver's page").
import { fetchAuthConfig } from '../api-client/index.js';
import { redirectTokenSource } from '../sign-in/index.js';

const AUTH_CONFIG_TIMEOUT_MS = 5_000;
export const APPROVE_RETURN_PATH = '/approve/';

export function pageTokenSource(origin: string): () => Promise<string> {
  return redirectTokenSource(() => fetchAuthConfig(origin, AUTH_CONFIG_TIMEOUT_MS), APPROVE_RETURN_PATH);
}
