import type { ExtractionBudget, ExtractionLimit, ExtractionLimits } from './types.js';

export function createBudget(limits: ExtractionLimits): ExtractionBudget {
  let bytesRead = 0;
  let steps = 0;
  const startedAt = limits.now ? limits.now() : 0;
  return {
    limits,
    get bytesRead() {
      return bytesRead;
    },
    chargeBytes(count: number): ExtractionLimit | null {
      bytesRead += count;
      return bytesRead > limits.maxTotalBytes ? 'total-bytes' : null;
    },
    step(): ExtractionLimit | null {
      steps += 1;
      if (steps > limits.maxSteps) return 'steps';
      if (limits.now && limits.now() - startedAt > limits.timeBudgetMs) return 'time';
      return null;
    },
    remainingMs(): number {
      return limits.now ? limits.timeBudgetMs - (limits.now() - startedAt) : Number.POSITIVE_INFINITY;
    },
  };
}
