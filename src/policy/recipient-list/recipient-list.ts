import { domainAndParents, normalizeAddress } from '../domain.js';
import type { RecipientEntry } from './recipient-entry-syntax.js';

/** A recipient list compiled for matching: built once per policy, asked once per recipient. */
export interface RecipientList {
  /** Whether the recipient is in the list: some inclusion matches it and no exclusion does. */
  readonly includes: (address: string) => boolean;
  /** Domains written as `example.com` or `@example.com` (the look-alike check compares against these). */
  readonly domains: readonly string[];
}

interface Matchers {
  readonly domains: Set<string>;
  readonly exactDomains: Set<string>;
  readonly addresses: Set<string>;
  readonly addressPatterns: RegExp[];
  readonly domainPatterns: RegExp[];
  noDomain: boolean;
}

const REGEX_SPECIAL = /[.+^${}()|[\]\\/]/g;

/** A normalised `*`/`?` pattern as a whole-string regex; neither wildcard crosses `@`. */
export function patternRegex(pattern: string): RegExp {
  const source = pattern.replace(REGEX_SPECIAL, '\\$&').replace(/\*/g, '[^@]*').replace(/\?/g, '[^@]');
  return new RegExp(`^${source}$`);
}

function emptyMatchers(): Matchers {
  return { domains: new Set(), exactDomains: new Set(), addresses: new Set(), addressPatterns: [], domainPatterns: [], noDomain: false };
}

function add(matchers: Matchers, entry: RecipientEntry): void {
  switch (entry.kind) {
    case 'domain':
      matchers.domains.add(entry.domain);
      return;
    case 'exact-domain':
      matchers.exactDomains.add(entry.domain);
      return;
    case 'address':
      matchers.addresses.add(entry.address);
      return;
    case 'pattern':
      (entry.target === 'address' ? matchers.addressPatterns : matchers.domainPatterns).push(patternRegex(entry.pattern));
      return;
    case 'no-domain':
      matchers.noDomain = true;
      return;
  }
}

function withinListedDomain(domain: string, domains: ReadonlySet<string>): boolean {
  return domains.size > 0 && domainAndParents(domain).some((name) => domains.has(name));
}

function matches(matchers: Matchers, address: string | null): boolean {
  if (address === null) return matchers.noDomain;
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return (
    matchers.addresses.has(address) ||
    matchers.exactDomains.has(domain) ||
    withinListedDomain(domain, matchers.domains) ||
    matchers.addressPatterns.some((pattern) => pattern.test(address)) ||
    matchers.domainPatterns.some((pattern) => pattern.test(domain))
  );
}

export function compileRecipientList(entries: ReadonlyArray<{ readonly entry: RecipientEntry; readonly exclude: boolean }>): RecipientList {
  const included = emptyMatchers();
  const excluded = emptyMatchers();
  const domains: string[] = [];
  for (const { entry, exclude } of entries) {
    add(exclude ? excluded : included, entry);
    if (!exclude && (entry.kind === 'domain' || entry.kind === 'exact-domain')) domains.push(entry.domain);
  }
  return {
    includes: (address) => {
      const normalized = normalizeAddress(address);
      return matches(included, normalized) && !matches(excluded, normalized);
    },
    domains,
  };
}
