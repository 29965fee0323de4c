import type { EvaluationContext, MessageSnapshot, Policy, Verdict } from './types.js';

// Placeholder until the rules land (issue 2, policy core).
export function evaluate(_snapshot: MessageSnapshot, _policy: Policy, _context: EvaluationContext): Verdict {
  throw new Error('evaluate: not implemented yet');
}
