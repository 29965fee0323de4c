import { toUnicodeDomain } from '../domain.js';
import type { Finding, Policy } from '../types.js';
import { makeFinding, recipientTarget, type Rule } from './rule.js';

/** Where each normalised entry stands in its list; the first in list order wins, as `find` would pick. */
const positions = new WeakMap<readonly string[], ReadonlyMap<string, number>>();

function positionsOf(entries: readonly string[]): ReadonlyMap<string, number> {
  let known = positions.get(entries);
  if (known === undefined) {
    const made = new Map<string, number>();
    entries.forEach((entry, index) => {
      if (!made.has(entry)) made.set(entry, index);
    });
    positions.set(entries, made);
    known = made;
  }
  return known;
}

/**
 * The first entry that names this address or a domain covering it (src/policy/recipient-entry.ts): the
 * address and each of its domain's parents are looked up, not every entry compared with every recipient.
 */
export function listedEntry(entries: readonly string[], address: string | null, domain: string | null): string | undefined {
  if (address === null || domain === null) return undefined;
  const at = positionsOf(entries);
  let first = at.get(address) ?? Number.POSITIVE_INFINITY;
  for (let parent: string = domain; ; ) {
    first = Math.min(first, at.get(parent) ?? Number.POSITIVE_INFINITY);
    const dot = parent.indexOf('.');
    if (dot < 0) break;
    parent = parent.slice(dot + 1);
  }
  return Number.isFinite(first) ? entries[first] : undefined;
}

/** Shared by blocked-recipient and attention-recipient: one finding per recipient an entry names. */
export function listedRecipientRule(
  rule: 'blocked-recipient' | 'attention-recipient',
  entriesOf: (policy: Policy) => readonly string[],
): Rule {
  return ({ policy, recipients }) => {
    const entries = entriesOf(policy);
    const findings: Finding[] = [];
    for (const entry of recipients) {
      const listed = listedEntry(entries, entry.normalized, entry.domain);
      if (listed === undefined) continue;
      findings.push(
        makeFinding(
          rule,
          `${entry.field}:${entry.key}`,
          policy.severities[rule],
          [recipientTarget(entry)],
          `finding.${rule}`,
          { address: entry.recipient.address, entry: listed.includes('@') ? listed : toUnicodeDomain(listed) },
        ),
      );
    }
    return findings;
  };
}
