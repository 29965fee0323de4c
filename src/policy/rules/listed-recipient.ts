import { toUnicodeDomain } from '../domain.js';
import { matchesRecipientEntry } from '../recipient-entry.js';
import type { Finding, Policy } from '../types.js';
import { makeFinding, recipientTarget, type Rule } from './rule.js';

/** Shared by blocked-recipient and attention-recipient: one finding per recipient an entry names. */
export function listedRecipientRule(
  rule: 'blocked-recipient' | 'attention-recipient',
  entriesOf: (policy: Policy) => readonly string[],
): Rule {
  return ({ policy, recipients }) => {
    const entries = entriesOf(policy);
    const findings: Finding[] = [];
    for (const entry of recipients) {
      const listed = entries.find((candidate) => matchesRecipientEntry(candidate, entry.normalized));
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
