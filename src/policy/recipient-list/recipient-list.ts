import { domainAndParents, normalAddress, type NormalAddress } from '../domain.js';
import { remembered } from '../remembered.js';
import type { RecipientEntry } from './recipient-entry-syntax.js';

/** A recipient list compiled for matching: built once per policy, asked once per recipient. */
export interface RecipientList {
  /** Whether the recipient is in the list: some inclusion matches it and no exclusion does. */
  readonly includes: (address: string) => boolean;
  /**
   * Where the first inclusion matching an address in normal form (src/policy/domain.ts `normalAddress`;
   * both parts null for a recipient without a domain) stands among the entries compiled; -1 when none
   * matches or an exclusion does. The domain is passed, not cut from the address, as the caller has it.
   */
  readonly firstMatch: (address: NormalAddress) => number;
  /** No entry names an address or an address pattern: every address of a domain is in, or out, together. */
  readonly byDomain: boolean;
  /** Domains written as `example.com` or `@example.com` (the look-alike check compares against these). */
  readonly domains: readonly string[];
}

const NONE = Number.POSITIVE_INFINITY;

/** A pattern and where its entry stands; kept in list order, so the first that matches stands first. */
interface Placed {
  readonly regex: RegExp;
  readonly at: number;
  /** For an address pattern, its domain part: only addresses of a domain it fits can match. */
  readonly domain?: RegExp;
}

interface Matchers {
  readonly domains: Map<string, number>;
  readonly exactDomains: Map<string, number>;
  readonly domainPatterns: Placed[];
  readonly addresses: Map<string, number>;
  readonly addressPatterns: Placed[];
  noDomain: number;
}

const REGEX_SPECIAL = /[.+^${}()|[\]\\/]/g;

/** A normalised `*`/`?` pattern as a whole-string regex; neither wildcard crosses `@`. */
export function patternRegex(pattern: string): RegExp {
  const source = pattern.replace(REGEX_SPECIAL, '\\$&').replace(/\*/g, '[^@]*').replace(/\?/g, '[^@]');
  return new RegExp(`^${source}$`);
}

function emptyMatchers(): Matchers {
  return { domains: new Map(), exactDomains: new Map(), domainPatterns: [], addresses: new Map(), addressPatterns: [], noDomain: NONE };
}

function place(map: Map<string, number>, key: string, at: number): void {
  if (!map.has(key)) map.set(key, at);
}

function add(matchers: Matchers, entry: RecipientEntry, at: number): void {
  switch (entry.kind) {
    case 'domain':
      place(matchers.domains, entry.domain, at);
      return;
    case 'exact-domain':
      place(matchers.exactDomains, entry.domain, at);
      return;
    case 'address':
      place(matchers.addresses, entry.address, at);
      return;
    case 'pattern':
      if (entry.target === 'domain') matchers.domainPatterns.push({ regex: patternRegex(entry.pattern), at });
      else {
        const domain = patternRegex(entry.pattern.slice(entry.pattern.lastIndexOf('@') + 1));
        matchers.addressPatterns.push({ regex: patternRegex(entry.pattern), at, domain });
      }
      return;
    case 'no-domain':
      matchers.noDomain = Math.min(matchers.noDomain, at);
      return;
  }
}

function firstPlaced(patterns: readonly Placed[], text: string, before: number): number {
  for (const pattern of patterns) {
    if (pattern.at >= before) return before;
    if (pattern.regex.test(text)) return pattern.at;
  }
  return before;
}

/** The first entry naming the domain, a parent of it (for `example.com`), or a pattern it fits. */
function firstForDomain(matchers: Matchers, domain: string): number {
  let first = matchers.exactDomains.get(domain) ?? NONE;
  if (matchers.domains.size > 0) {
    for (const name of domainAndParents(domain)) first = Math.min(first, matchers.domains.get(name) ?? NONE);
  }
  return firstPlaced(matchers.domainPatterns, domain, first);
}

function firstForAddress(matchers: Matchers, address: string): number {
  return firstPlaced(matchers.addressPatterns, address, matchers.addresses.get(address) ?? NONE);
}

function namesAddresses(matchers: Matchers): boolean {
  return matchers.addresses.size > 0 || matchers.addressPatterns.length > 0;
}

/** Whether an address or address pattern of the list could name an address of this domain. */
function namesAddressesAt(matchers: Matchers, domain: string): boolean {
  for (const address of matchers.addresses.keys()) if (address.endsWith(`@${domain}`)) return true;
  return matchers.addressPatterns.some((pattern) => pattern.domain?.test(domain) === true);
}

/** What a domain alone says: where its first entry stands (-1: excluded as a whole), and whether addresses there must be asked one by one. */
interface DomainStanding {
  readonly first: number;
  readonly byAddress: boolean;
}

export function compileRecipientList(entries: ReadonlyArray<{ readonly entry: RecipientEntry; readonly exclude: boolean }>): RecipientList {
  const included = emptyMatchers();
  const excluded = emptyMatchers();
  const domains: string[] = [];
  entries.forEach(({ entry, exclude }, at) => {
    add(exclude ? excluded : included, entry, at);
    if (!exclude && (entry.kind === 'domain' || entry.kind === 'exact-domain')) domains.push(entry.domain);
  });
  const includesAddresses = namesAddresses(included);
  const excludesAddresses = namesAddresses(excluded);
  // Remembered: a thousand recipients share a few dozen domains, and most domains have no address listed.
  const domainStanding = remembered(
    (domain: string): DomainStanding => ({
      first: firstForDomain(excluded, domain) < NONE ? -1 : firstForDomain(included, domain),
      byAddress: (includesAddresses && namesAddressesAt(included, domain)) || (excludesAddresses && namesAddressesAt(excluded, domain)),
    }),
    4096,
  );
  const firstMatch = ({ normalized, domain }: NormalAddress): number => {
    if (normalized === null || domain === null) return included.noDomain < NONE && excluded.noDomain === NONE ? included.noDomain : -1;
    const standing = domainStanding(domain);
    if (standing.first < 0) return -1;
    if (!standing.byAddress) return standing.first === NONE ? -1 : standing.first;
    const first = Math.min(standing.first, firstForAddress(included, normalized));
    return first === NONE || firstForAddress(excluded, normalized) < NONE ? -1 : first;
  };
  return {
    includes: (address) => firstMatch(normalAddress(address)) >= 0,
    firstMatch,
    byDomain: !includesAddresses && !excludesAddresses,
    domains,
  };
}
