/** The request id from the page's own path, `/approve/<id>`; '' on the sign-in return address `/approve/`. */
export function requestIdOf(pathname: string): string {
  const match = /^\/approve\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1] === undefined) return '';
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return '';
  }
}
