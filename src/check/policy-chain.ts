// One fallback chain for every host: the server's policy, else the last good copy kept on the item,
// else the copy the server embedded beside the code; with none, the caller applies onError.
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

export interface PolicyCandidate {
  readonly source: PolicySource;
  readonly document: unknown;
}

/** The first candidate, in the chain's order, that is a valid policy. */
export function firstValidPolicy(candidates: readonly PolicyCandidate[], parse: ParsePolicy): ResolvedPolicy | null {
  for (const candidate of candidates) {
    const policy = validPolicy(candidate.document, parse);
    if (policy !== null) return { policy, source: candidate.source, document: candidate.document };
  }
  return null;
}
