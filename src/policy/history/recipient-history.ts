import { domainOfAddress, normalizeAddress } from '../domain.js';
import { addressDigest, domainDigest } from './history-digest.js';
import { keptPer } from '../remembered.js';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC), as the history counts them. */
export function historyDay(nowMs: number): number {
  return Math.floor(nowMs / DAY_MS);
}

/** One outside address the sender has written to, as digests, with the day of the last send. */
export interface HistoryEntry {
  readonly address: string;
  readonly domain: string;
  /** Days since 1970-01-01 (UTC) of the last mail that went to this address. */
  readonly day: number;
}

/** The sender's history of outside addresses, most recent first (docs/policy.md, "First-time recipients"). */
export interface RecipientHistory {
  /** The mailbox's random key for the digests. */
  readonly key: string;
  readonly entries: readonly HistoryEntry[];
}

export interface HistoryLimits {
  /** Entries whose last send is more than this many days before today are dropped. */
  readonly days: number;
  readonly maxEntries: number;
}

/** `known`: written to before; `known-domain`: a new address at a domain written to before; `new`: neither. */
export type HistoryStanding = 'known' | 'known-domain' | 'new';

interface HistoryIndex {
  readonly addresses: ReadonlySet<string>;
  readonly domains: ReadonlySet<string>;
}

/** Sets of the history's digests, built once per history: the handler asks for every outside recipient. */
export const historyIndex = keptPer((history: RecipientHistory): HistoryIndex => ({
  addresses: new Set(history.entries.map((entry) => entry.address)),
  domains: new Set(history.entries.map((entry) => entry.domain)),
}));

export function emptyHistory(key: string): RecipientHistory {
  return { key, entries: [] };
}

/** Where an address already in normal form (normalizeAddress) stands, its domain being `domain`. */
export function standingOfNormalized(history: RecipientHistory, normalized: string, domain: string): HistoryStanding {
  const index = historyIndex(history);
  if (index.addresses.has(addressDigest(history.key, normalized))) return 'known';
  return index.domains.has(domainDigest(history.key, domain)) ? 'known-domain' : 'new';
}

/** Where an address stands in the history; null when it has no usable domain. */
export function historyStanding(history: RecipientHistory, address: string): HistoryStanding | null {
  const normalized = normalizeAddress(address);
  const domain = normalized === null ? null : domainOfAddress(normalized);
  if (normalized === null || domain === null) return null;
  return standingOfNormalized(history, normalized, domain);
}

/**
 * The history after a mail to `addresses` left on `today`: those addresses first (in the order given),
 * every older entry for them removed, then entries older than `limits.days` and beyond `limits.maxEntries`
 * dropped. Addresses without a usable domain are skipped.
 */
export function recordRecipients(
  history: RecipientHistory,
  addresses: readonly string[],
  today: number,
  limits: HistoryLimits,
): RecipientHistory {
  const fresh: HistoryEntry[] = [];
  const seen = new Set<string>();
  for (const address of addresses) {
    const normalized = normalizeAddress(address);
    const domain = normalized === null ? null : domainOfAddress(normalized);
    if (normalized === null || domain === null) continue;
    const digest = addressDigest(history.key, normalized);
    if (seen.has(digest)) continue;
    seen.add(digest);
    fresh.push({ address: digest, domain: domainDigest(history.key, domain), day: today });
  }
  const kept = history.entries.filter((entry) => !seen.has(entry.address) && today - entry.day <= limits.days);
  return { key: history.key, entries: [...fresh, ...kept].slice(0, limits.maxEntries) };
}

/** The history without entries older than `limits.days` or beyond `limits.maxEntries`: what a host reads before asking. */
export function pruneHistory(history: RecipientHistory, today: number, limits: HistoryLimits): RecipientHistory {
  return recordRecipients(history, [], today, limits);
}
