/**
 * Recipient links with the downloads each has left (the policy's maxDownloads counts per recipient and
 * file), so the load run never asks for a download the server must refuse.
 */
export interface LinkPool {
  add(url: string, downloads: number): void;
  /** A link with a download left, taking that download; null when none has any. */
  take(): string | null;
  readonly size: number;
}

export function linkPool(random: () => number = Math.random): LinkPool {
  const links: { url: string; left: number }[] = [];
  return {
    add(url, downloads) {
      if (downloads > 0) links.push({ url, left: downloads });
    },
    take() {
      while (links.length > 0) {
        const index = Math.floor(random() * links.length);
        const link = links[index] as { url: string; left: number };
        if (link.left > 0) {
          link.left -= 1;
          return link.url;
        }
        links[index] = links[links.length - 1] as { url: string; left: number };
        links.pop();
      }
      return null;
    },
    get size() {
      return links.length;
    },
  };
}
