// What the development server kept instead of mailing (GET /api/dev/mail), for the mail catcher panel.
// The token comes from /api/auth-config, which hands it only to this origin's own pages (docs/api.md).
import { ApiError, fetchAuthConfig, readDevMail } from '../api-client/index.js';
import { describeError } from '../policy/index.js';
import type { CaughtMail } from '../protocol/index.js';

export type CaughtMailState =
  | { readonly kind: 'loading' }
  /** The server sends its mail (a relay) or is not in development mode: nothing is caught. */
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'failed'; readonly detail: string }
  | { readonly kind: 'ready'; readonly messages: readonly CaughtMail[] };

const TIMEOUT_MS = 10_000;

export async function loadCaughtMail(origin: string): Promise<CaughtMailState> {
  try {
    const auth = await fetchAuthConfig(origin, TIMEOUT_MS);
    if (auth.mode !== 'development') return { kind: 'unavailable' };
    const answer = await readDevMail(origin, auth.token, TIMEOUT_MS);
    return { kind: 'ready', messages: answer.messages };
  } catch (error) {
    // 404: the route exists only while mail is caught.
    if (error instanceof ApiError && error.status === 404) return { kind: 'unavailable' };
    return { kind: 'failed', detail: describeError(error) };
  }
}
