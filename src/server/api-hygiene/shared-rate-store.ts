// @fastify/rate-limit's store interface (its store/LocalStore.js) over counters several instances share,
// so a user's per-minute limit holds across the instances behind the load balancer.
import type { SharedCounters } from '../storage/shared-counters.js';

type Callback = (error: Error | null, result?: { readonly current: number; readonly ttl: number }) => void;

export interface RateLimitStore {
  incr(key: string, callback: Callback, timeWindow: number, max: number): void;
  child(routeOptions: unknown): RateLimitStore;
}

/** A store class as the plugin's `store` option takes it (it calls `new Store(globalParams)`). */
export function sharedRateStore(counters: SharedCounters): new (options?: unknown) => RateLimitStore {
  return class SharedRateStore implements RateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      counters.increment(`rate:${key}`, timeWindow).then(
        (state) => callback(null, { current: state.count, ttl: state.resetInMs }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(): RateLimitStore {
      return this;
    }
  };
}
