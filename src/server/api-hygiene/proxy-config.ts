import { isIP } from 'node:net';

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || isIP(address) === 0) return false;
  if (prefix === undefined) return true;
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
  return bits >= 0 && bits <= (isIP(address) === 4 ? 32 : 128);
}

/**
 * Reads PREFLIGHT_TRUST_PROXY: addresses or CIDR ranges of the proxies in front, whose X-Forwarded-For
 * then names the client. Without it the client address is the socket's, so behind a proxy every audit
 * and log line would name the proxy. "Trust everyone" is refused: any client could forge its address.
 */
export function readTrustProxyEnvironment(env: Readonly<Record<string, string | undefined>>): {
  readonly trustProxy?: readonly string[];
  readonly problems: readonly string[];
} {
  const text = env['PREFLIGHT_TRUST_PROXY']?.trim();
  if (text === undefined || text === '') return { problems: [] };
  const entries = text.split(/[\s,]+/).filter((entry) => entry !== '');
  const bad = entries.filter((entry) => !isAddressOrRange(entry));
  if (bad.length > 0) {
    return {
      problems: [
        `PREFLIGHT_TRUST_PROXY takes the proxies' addresses or CIDR ranges (e.g. 10.0.0.0/8), not ${bad.map((entry) => JSON.stringify(entry)).join(', ')}`,
      ],
    };
  }
  return { trustProxy: entries, problems: [] };
}
