import { toUnicodeDomain } from '../domain.js';
import { externalByDomain, makeFinding, recipientTarget, type Rule } from './rule.js';

/** One finding per external domain; recipients without a domain are unresolved-recipient's. */
export const externalRecipientRule: Rule = ({ policy, recipients }) => {
  const groups = externalByDomain(recipients);
  return [...groups].map(([domain, members]) =>
    makeFinding(
      'external-recipient',
      domain,
      policy.severities['external-recipient'],
      members.map(recipientTarget),
      'finding.external-recipient',
      { domain: toUnicodeDomain(domain), ascii: domain, count: members.length },
    ),
  );
};
