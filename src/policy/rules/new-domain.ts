import { domainOfAddress, toUnicodeDomain } from '../domain.js';
import { externalByDomain, makeFinding, type Rule, targetsOf } from './rule.js';

/** On a reply or forward, an external domain the original message did not go to. */
export const newDomainRule: Rule = ({ snapshot, policy, recipients }) => {
  const original = snapshot.originalRecipients;
  if (original === undefined) return [];
  const known = new Set<string>();
  for (const person of original) {
    const domain = domainOfAddress(person.address);
    if (domain !== null) known.add(domain);
  }
  const groups = externalByDomain(recipients);
  return [...groups]
    .filter(([domain]) => !known.has(domain))
    .map(([domain, members]) =>
      makeFinding('new-domain', domain, policy.severities['new-domain'], targetsOf(members), 'finding.new-domain', {
        domain: toUnicodeDomain(domain),
        ascii: domain,
      }),
    );
};
