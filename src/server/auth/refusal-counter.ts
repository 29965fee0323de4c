import type { SharedCounters } from '../storage/shared-counters.js';

/** How many requests an address had refused in the current window, and when the window ends. */
export interface RefusalCount {
  readonly count: number;
  readonly resetInMs: number;
}

export interface RefusalCounter {
  /** Counts one more refusal for `address`. */
  record(address: string): RefusalCount;
}

/** Beyond this many addresses in one window, new addresses share one count, so a spread-out flood cannot grow the map. */
export const MAX_TRACKED_ADDRESSES = 10_000;
const OVERFLOW = '*';

/**
 * Refused sign-ins per client address, in fixed windows that start with the first refusal after the
 * last window ended, in this process's memory (docs/api.md, "Rate limits").
 */
export function refusalCounter(windowMs: number, now: () => number, maxTracked = MAX_TRACKED_ADDRESSES): RefusalCounter {
  let windowStart = Number.NEGATIVE_INFINITY;
  let counts = new Map<string, number>();
  return {
    record(address) {
      const time = now();
      if (time >= windowStart + windowMs) {
        windowStart = time;
        counts = new Map();
      }
      const key = counts.has(address) || counts.size < maxTracked ? address : OVERFLOW;
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      return { count, resetInMs: windowStart + windowMs - time };
    },
  };
}

/** Counts a refusal for an address and says where it stands; shared by instances when `counters` is given. */
export type CountRefusal = (address: string) => Promise<RefusalCount>;

/**
 * Behind a load balancer each instance sees only part of one address's refusals, so with shared
 * counters (PostgreSQL) they count together. A store that cannot count falls back to this instance's
 * own count: refusing everyone would turn a database hiccup into an outage, counting nothing would
 * lift the limit.
 */
export function countRefusals(windowMs: number, now: () => number, counters?: SharedCounters): CountRefusal {
  const local = refusalCounter(windowMs, now);
  if (counters === undefined) return async (address) => local.record(address);
  return async (address) => {
    try {
      const state = await counters.increment(`refused:${address}`, windowMs);
      return { count: state.count, resetInMs: state.resetInMs };
    } catch {
      return local.record(address);
    }
  };
}
