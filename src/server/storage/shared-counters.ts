// Request counters several instances share (rate limits), in fixed windows on PostgreSQL's unlogged
// `rate_counters` table: losing them in a crash only forgives a minute's requests.
import type pg from 'pg';

export interface CounterState {
  /** Requests counted in the current window, this one included. */
  readonly count: number;
  /** Until the window ends. */
  readonly resetInMs: number;
}

export interface SharedCounters {
  increment(key: string, windowMs: number): Promise<CounterState>;
}

/** `now` reads the clock at each call, not a reference to Date.now taken once, so a test can stop it. */
export function postgresCounters(pool: pg.Pool, now: () => number = () => Date.now()): SharedCounters {
  let cleanedBefore = 0;
  return {
    async increment(key, windowMs) {
      const at = now();
      const windowStart = Math.floor(at / windowMs) * windowMs;
      const { rows } = await pool.query<{ count: number }>(
        `INSERT INTO rate_counters (key, window_start, count) VALUES ($1, $2, 1)
         ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + 1 RETURNING count`,
        [key, windowStart],
      );
      // Each instance clears past windows once per window; a missed clean-up only leaves rows no one reads.
      if (windowStart > cleanedBefore) {
        cleanedBefore = windowStart;
        await pool.query('DELETE FROM rate_counters WHERE window_start < $1', [windowStart - windowMs]);
      }
      return { count: rows[0]?.count ?? 1, resetInMs: windowStart + windowMs - at };
    },
  };
}
