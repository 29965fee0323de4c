import { domainAndParents } from '../domain.js';
import { FREE_MAIL_DOMAINS, MOBILE_CARRIER_DOMAINS } from './personal-mail-domains.js';

export type PersonalMailKind = 'free-mail' | 'mobile-carrier' | 'policy';

export interface PersonalMailChanges {
  /** ASCII domains the policy adds; each stands for itself and its subdomains. */
  readonly add: readonly string[];
  /** ASCII domains the policy takes out, with their subdomains, even from what it added. */
  readonly remove: readonly string[];
}

/** Which kind of personal mailbox an ASCII domain is, or null: the domain or its nearest listed parent decides. */
export type PersonalMailMatcher = (asciiDomain: string) => PersonalMailKind | null;

export function personalMailMatcher(changes: PersonalMailChanges): PersonalMailMatcher {
  const kinds = new Map<string, PersonalMailKind | null>();
  for (const domain of FREE_MAIL_DOMAINS) kinds.set(domain, 'free-mail');
  for (const domain of MOBILE_CARRIER_DOMAINS) kinds.set(domain, 'mobile-carrier');
  for (const domain of changes.add) kinds.set(domain, 'policy');
  for (const domain of changes.remove) kinds.set(domain, null);
  return (asciiDomain) => {
    const listed = domainAndParents(asciiDomain).find((name) => kinds.has(name));
    return listed === undefined ? null : (kinds.get(listed) ?? null);
  };
}
