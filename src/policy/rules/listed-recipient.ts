import { domainAndParents, toUnicodeDomain } from '../domain.js';
import { remembered } from '../remembered.js';
import type { Finding, Policy } from '../types.js';
import { makeFinding, recipientTarget, type Rule } from './rule.js';

/** For one domain: where the first entry covering it stands (Infinity for none), and whether any entry is an address there. */
interface DomainStanding {
  readonly position: number;
  readonly addressesListed: boolean;
}

/**
 * A list indexed once: where each entry first stands, and per domain (remembered, since a thousand
 * recipients share a few dozen domains) the first entry naming it or one of its parents.
 */
interface ListIndex {
  readonly at: (entry: string) => number;
  readonly standing: (domain: string) => DomainStanding;
}

const indexes = new WeakMap<readonly string[], ListIndex>();

function indexOf(entries: readonly string[]): ListIndex {
  let known = indexes.get(entries);
  if (known === undefined) {
    const first = new Map<string, number>();
    const addressDomains = new Set<string>();
    entries.forEach((entry, index) => {
      if (!first.has(entry)) first.set(entry, index);
      if (entry.includes('@')) addressDomains.add(entry.slice(entry.lastIndexOf('@') + 1));
    });
    const at = (entry: string): number => first.get(entry) ?? Number.POSITIVE_INFINITY;
    const standing = remembered((domain: string): DomainStanding => {
      const position = Math.min(...domainAndParents(domain).map(at));
      return { position, addressesListed: addressDomains.has(domain) };
    }, 4096);
    known = { at, standing };
    indexes.set(entries, known);
  }
  return known;
}

/**
 * The first entry, in list order as `find` would pick, that names this normalised address or a domain
 * covering its domain (src/policy/recipient-entry.ts): the address and each of its domain's parents are looked up, not every
 * entry compared with every recipient.
 */
export function listedEntry(entries: readonly string[], address: string | null, domain: string | null): string | undefined {
  if (address === null || domain === null || entries.length === 0) return undefined;
  const index = indexOf(entries);
  const { position, addressesListed } = index.standing(domain);
  const first = addressesListed ? Math.min(position, index.at(address)) : position;
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
        makeFinding(rule, `${entry.field}:${entry.key}`, policy.severities[rule], [recipientTarget(entry)], `finding.${rule}`, {
          address: entry.recipient.address,
          entry: listed.includes('@') ? listed : toUnicodeDomain(listed),
        }),
      );
    }
    return findings;
  };
}
