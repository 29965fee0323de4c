// The policy a document describes, for the one fallback chain in run-check.ts: the server's policy, else the
// last good copy kept on the item, else the copy embedded beside the code; with none, onError applies.
import type { Policy, PolicyParseResult } from '../policy/index.js';

export type PolicySource = 'server' | 'cache' | 'embedded';

export interface ResolvedPolicy {
  readonly policy: Policy;
  readonly source: PolicySource;
  /** What it was parsed from, so that a later check can use exactly it. */
  readonly document: unknown;
}

export type ParsePolicy = (document: unknown) => PolicyParseResult;

/** The policy a document describes; null when it is missing, invalid, or the parser throws. */
export function validPolicy(document: unknown, parse: ParsePolicy): Policy | null {
  if (document === null || document === undefined) return null;
  try {
    const result = parse(document);
    return result.ok ? result.policy : null;
  } catch {
    return null;
  }
}
