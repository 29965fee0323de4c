// What counts as this machine only, in one place: the development token, the mail catcher, request
// logging, the CSP and plain-http exceptions (JWKS, Azurite, a local S3) all ask the same question.

/** True when the origin's host is localhost, 127.0.0.1 or [::1]. */
export function isLoopbackOrigin(origin: string): boolean {
  const host = new URL(origin).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

/**
 * Whether `host` (the HOST the server binds, or a Host header's name) is reachable from this machine
 * only. `localhost` counts: Node resolves it to 127.0.0.1 or ::1. 0.0.0.0, :: and every named host can
 * be reached from elsewhere.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}
