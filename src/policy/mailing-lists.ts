// `mailingLists` compiled once per policy for classify.ts: which entry a recipient is, and whether being
// that list (or a list the policy does not name, with `unknownLists: "treat-as-external"`) sends the mail
// outside. docs/policy.md "Mailing lists".
import { domainOfAddress, isWithinDomain } from './domain.js';
import { keptPer, remembered } from './remembered.js';
import type { RecipientEntry } from './recipient-list/recipient-entry-syntax.js';
import { readRecipientEntry } from './recipient-list/recipient-entry-syntax.js';
import { compileRecipientList, patternRegex, type RecipientList } from './recipient-list/recipient-list.js';
import type { MailingListEntry, Policy, Recipient } from './types.js';

/** The `mailingLists` entry a recipient matches. */
export interface ListMatch {
  /** The first matching entry as written (its `address` for an object entry). */
  readonly written: string;
  /** The `externalDomains` of every matching object entry, in ASCII; empty when only strings match. */
  readonly outsideDomains: readonly string[];
}

interface Inclusion {
  readonly written: string;
  readonly outsideDomains: readonly string[];
  /** Whether an address at this domain can be in the list. */
  readonly atDomain: (domain: string) => boolean;
  /** Then whether this address is; null when the domain alone decides. */
  readonly address: ((normalized: string) => boolean) | null;
}

type Inclusive = Omit<Inclusion, 'written' | 'outsideDomains'>;

function matcherOf(entry: Exclude<RecipientEntry, { kind: 'no-domain' }>): Inclusive {
  switch (entry.kind) {
    case 'domain':
      return { atDomain: (domain) => isWithinDomain(domain, entry.domain), address: null };
    case 'exact-domain':
      return { atDomain: (domain) => domain === entry.domain, address: null };
    case 'address': {
      const at = domainOfAddress(entry.address);
      return { atDomain: (domain) => domain === at, address: (normalized) => normalized === entry.address };
    }
    case 'pattern': {
      const whole = patternRegex(entry.pattern);
      if (entry.target === 'domain') return { atDomain: (domain) => whole.test(domain), address: null };
      const domainPart = patternRegex(entry.pattern.slice(entry.pattern.lastIndexOf('@') + 1));
      return { atDomain: (domain) => domainPart.test(domain), address: (normalized) => whole.test(normalized) };
    }
  }
}

/** (recipient's address as written, its normal form, its domain) → the list it is, or null. */
export type ListLookup = (address: string, normalized: string | null, domain: string | null) => ListMatch | null;

const NO_LIST: ListLookup = () => null;

function entryParts(entry: MailingListEntry): { readonly written: string; readonly outsideDomains: readonly string[] } {
  return typeof entry === 'string'
    ? { written: entry, outsideDomains: [] }
    : { written: entry.address, outsideDomains: entry.externalDomains };
}

function matchOf(matched: readonly Omit<Inclusion, 'atDomain' | 'address'>[]): ListMatch {
  const outsideDomains: string[] = [];
  for (const inclusion of matched)
    for (const domain of inclusion.outsideDomains) if (!outsideDomains.includes(domain)) outsideDomains.push(domain);
  return { written: matched[0]!.written, outsideDomains };
}

function compile(lists: readonly MailingListEntry[]): ListLookup {
  if (lists.length === 0) return NO_LIST;
  const inclusions: Inclusion[] = [];
  const withoutDomain: Omit<Inclusion, 'atDomain' | 'address'>[] = [];
  const exclusions: { entry: RecipientEntry; exclude: boolean }[] = [];
  for (const listed of lists) {
    const parts = entryParts(listed);
    const read = readRecipientEntry(parts.written);
    // parse-mailing-lists.ts refused what does not read; comments are kept and never matched.
    if (!read.ok || !('entry' in read)) continue;
    // The exclusions, compiled as a list of their own, say which addresses no entry may claim.
    if (read.exclude) exclusions.push({ entry: read.entry, exclude: false });
    else if (read.entry.kind === 'no-domain') withoutDomain.push(parts);
    else inclusions.push({ ...parts, ...matcherOf(read.entry) });
  }
  const excluded: RecipientList | null = exclusions.length === 0 ? null : compileRecipientList(exclusions);
  // Most recipients are at a domain no entry names: they cost one lookup, and the entries run only for the rest.
  const candidatesAt = remembered((domain: string) => inclusions.filter((inclusion) => inclusion.atDomain(domain)), 4096);
  return (address, normalized, domain) => {
    let matched: readonly Omit<Inclusion, 'atDomain' | 'address'>[];
    if (normalized === null || domain === null) matched = withoutDomain;
    else {
      const candidates = candidatesAt(domain);
      if (candidates.length === 0) return null;
      matched = candidates.filter((candidate) => candidate.address === null || candidate.address(normalized));
    }
    if (matched.length === 0 || excluded?.includes(address) === true) return null;
    return matchOf(matched);
  };
}

export const mailingListLookup: (policy: Policy) => ListLookup = keptPer((policy: Policy) => compile(policy.mailingLists));

/** Outlook's word for a list, or for what it cannot tell; clients disagree (https://github.com/OfficeDev/office-js/issues/3249). */
export function isListType(recipient: Recipient): boolean {
  return recipient.type === 'distributionList' || recipient.type === 'other';
}

/**
 * The outside domains mail to a recipient reaches as a list, when being a list is what makes it count as
 * outside: its entries' `externalDomains` (also at an outside address, so the pane and the dialog name
 * them), or [] (not known) for a list the policy does not name at an address that would count as internal,
 * when `unknownLists` is "treat-as-external". Null for everyone else.
 */
export function listOutsideDomains(
  policy: Policy,
  recipient: Recipient,
  list: ListMatch | null,
  internal: boolean,
  domain: string | null,
): readonly string[] | null {
  if (list !== null) {
    if (list.outsideDomains.length === 0) return null;
    return internal || domain === null || list.outsideDomains.includes(domain) ? list.outsideDomains : [domain, ...list.outsideDomains];
  }
  return internal && policy.unknownLists === 'treat-as-external' && isListType(recipient) ? [] : null;
}
