// `evaluate` in Node: the pure core the handler and the pane both run.
import { evaluate, type Policy } from '../policy/index.js';
import { sampleSnapshot } from './sample-message.js';
import { median } from './statistics.js';

export interface EvaluateFigures {
  readonly recipients: number;
  readonly iterations: number;
  readonly medianMs: number;
  readonly decision: string;
}

export function benchEvaluate(policy: Policy, recipients: number, iterations: number): EvaluateFigures {
  const snapshot = sampleSnapshot(recipients, policy.internalDomains[0] ?? 'example.co.jp');
  const context = { nowMs: Date.now() };
  let decision = evaluate(snapshot, policy, context).decision;
  // Warm-up: let the JIT settle before anything is timed.
  for (let run = 0; run < Math.min(20, iterations); run += 1) decision = evaluate(snapshot, policy, context).decision;
  const samples: number[] = [];
  for (let run = 0; run < iterations; run += 1) {
    const started = performance.now();
    evaluate(snapshot, policy, context);
    samples.push(performance.now() - started);
  }
  return { recipients, iterations, medianMs: median(samples), decision };
}
