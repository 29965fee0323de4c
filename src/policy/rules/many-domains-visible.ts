import { toUnicodeDomain } from '../domain.js';
import { externalByDomain, makeFinding, type Rule } from './rule.js';

/**
 * Recipients in To/Cc see each other: from `bccSuggestThreshold` outside domains on, suggest Bcc. A meeting
 * has no Bcc and its attendees always see each other, so nothing there could act on the finding.
 */
export const manyDomainsVisibleRule: Rule = ({ snapshot, policy, recipients }) => {
  const threshold = policy.bccSuggestThreshold;
  if (threshold === 0 || snapshot.kind === 'meeting') return [];
  const domains: string[] = [];
  for (const [domain, members] of externalByDomain(recipients)) if (members.some((entry) => entry.field !== 'bcc')) domains.push(domain);
  if (domains.length < threshold) return [];
  return [
    makeFinding(
      'many-domains-visible',
      'to-cc',
      policy.severities['many-domains-visible'],
      domains.map((domain) => ({ kind: 'domain' as const, domain })),
      policy.bccAction === 'move' ? 'finding.many-domains-visible.move' : 'finding.many-domains-visible',
      { count: domains.length, threshold, domains: domains.map(toUnicodeDomain).join(', ') },
    ),
  ];
};
