// Who may be handed the development token by GET /api/auth-config: only a page of this loopback server.
import { isLoopbackHost } from '../loopback.js';

export interface RequestOrigin {
  /** The Host header: the name the browser used to reach the server. */
  readonly host: string | undefined;
  /** The Origin header: browsers send it on cross-origin requests (and some same-origin ones). */
  readonly origin: string | undefined;
  /** Sec-Fetch-Site: set by the browser, never by a page's script (a forbidden header name). */
  readonly fetchSite: string | undefined;
}

function hostName(hostHeader: string): string {
  return hostHeader.trim().toLowerCase().replace(/:\d+$/, '');
}

/**
 * The token is handed out unauthenticated, so three doors stay shut:
 * - another site's page: the browser does not let it read the answer (no CORS for foreign origins,
 *   api-hygiene/cors.ts), and here `Sec-Fetch-Site` must be `same-origin` and `Origin`, when sent, a
 *   loopback origin, so a foreign page is refused even if a CORS rule were ever loosened
 *   (https://developer.mozilla.org/docs/Web/HTTP/Reference/Headers/Sec-Fetch-Site);
 * - DNS rebinding, where a foreign name is pointed at 127.0.0.1 to make its page "same-origin": that
 *   page's requests carry its own name in `Host`, so Host must be a loopback name
 *   (https://developer.chrome.com/blog/private-network-access-update, "DNS rebinding");
 * - other machines: the server that has the token listens on loopback only (config.ts).
 * A request without Sec-Fetch-Site (curl, an older WebView) passes the first door only if Origin
 * allows it; it comes from this machine, whose user started the server.
 */
export function isLocalPageRequest(request: RequestOrigin): boolean {
  if (request.host === undefined || !isLoopbackHost(hostName(request.host))) return false;
  if (request.fetchSite !== undefined && request.fetchSite !== 'same-origin') return false;
  if (request.origin === undefined) return true;
  if (!URL.canParse(request.origin)) return false;
  return isLoopbackHost(new URL(request.origin).hostname);
}
