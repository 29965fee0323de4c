import type { ClassifiedRecipient } from '../classify.js';
import { toUnicodeDomain } from '../domain.js';
import type { Finding, Policy } from '../types.js';
import { externalByDomain, groupRecipients, makeFinding, recipientLabel, recipientTarget, type Rule, targetsOf } from './rule.js';

/** A list that reaches outside (classify.ts `outsideDomains`): one finding, in every field it is in, naming its domains. */
function listFindings(policy: Policy, recipients: readonly ClassifiedRecipient[]): Finding[] {
  const byKey = groupRecipients(recipients, (entry) => (entry.outsideDomains === null ? null : entry.key));
  return [...byKey].map(([key, members]) => {
    const first = members[0]!;
    const domains = first.outsideDomains ?? [];
    return makeFinding(
      'external-recipient',
      `list:${key}`,
      policy.severities['external-recipient'],
      members.map(recipientTarget),
      domains.length === 0 ? 'finding.external-recipient.unknownList' : 'finding.external-recipient.list',
      { address: recipientLabel(first), domains: domains.map(toUnicodeDomain).join(', '), ascii: domains.join(', ') },
    );
  });
}

/**
 * One finding per outside domain; recipients without a domain are unresolved-recipient's. A list that
 * reaches outside gets one of its own, since its address's domain does not say where the mail goes.
 */
export const externalRecipientRule: Rule = ({ policy, recipients }) => {
  const groups = externalByDomain(recipients);
  const byDomain = [...groups].map(([domain, members]) =>
    makeFinding('external-recipient', domain, policy.severities['external-recipient'], targetsOf(members), 'finding.external-recipient', {
      domain: toUnicodeDomain(domain),
      ascii: domain,
      count: members.length,
    }),
  );
  return [...byDomain, ...listFindings(policy, recipients)];
};
