/**
 * `attachment` with an ASCII fallback name and the real name as RFC 5987 / RFC 6266 `filename*`, which
 * every current browser prefers; Japanese names survive only through the latter.
 */
export function contentDisposition(name: string): string {
  const fallback = name.normalize('NFC').replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name.normalize('NFC')).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
