import type { Policy, PolicyParseResult } from './types.js';

// Placeholder until the policy parser lands (issue 2, policy core).
export const DEFAULT_POLICY: Policy = undefined as unknown as Policy;

export function parsePolicy(_document: unknown): PolicyParseResult {
  throw new Error('parsePolicy: not implemented yet');
}
