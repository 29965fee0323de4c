import { percentile } from '../statistics.js';

/** One kind of request over a load run. */
export interface RequestFigures {
  readonly kind: string;
  readonly requests: number;
  readonly errors: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The first error's text, to say what went wrong without flooding the report. */
  readonly firstError: string | null;
}

export interface LatencyLog {
  record(kind: string, milliseconds: number, error: string | null): void;
  /** Figures per kind in the order kinds were first seen; `seconds` is the run's length. */
  figures(seconds: number): RequestFigures[];
}

export function latencyLog(): LatencyLog {
  const kinds = new Map<string, { durations: number[]; errors: number; firstError: string | null }>();
  return {
    record(kind, milliseconds, error) {
      let entry = kinds.get(kind);
      if (entry === undefined) {
        entry = { durations: [], errors: 0, firstError: null };
        kinds.set(kind, entry);
      }
      entry.durations.push(milliseconds);
      if (error !== null) {
        entry.errors += 1;
        entry.firstError ??= error;
      }
    },
    figures(seconds) {
      return [...kinds].map(([kind, entry]) => ({
        kind,
        requests: entry.durations.length,
        errors: entry.errors,
        perSecond: entry.durations.length / seconds,
        p50Ms: percentile(entry.durations, 0.5),
        p99Ms: percentile(entry.durations, 0.99),
        firstError: entry.firstError,
      }));
    },
  };
}
