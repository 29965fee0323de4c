import { toUnicodeDomain } from '../domain.js';
import { recipientListOf } from '../recipient-list/policy-list.js';
import type { Finding, Policy } from '../types.js';
import { makeFinding, recipientTarget, type Rule } from './rule.js';

/** An entry as the finding names it: its domain in Unicode, as the admin most likely wrote it. */
function shownEntry(entry: string): string {
  if (/[*?]/.test(entry)) return entry;
  const at = entry.lastIndexOf('@');
  const domain = entry.slice(at + 1);
  return domain === '' ? entry : `${entry.slice(0, at + 1)}${toUnicodeDomain(domain)}`;
}

/** Shared by blocked-recipient and attention-recipient: one finding per recipient the list holds, naming the first entry that matched. */
export function listedRecipientRule(
  rule: 'blocked-recipient' | 'attention-recipient',
  entriesOf: (policy: Policy) => readonly string[],
): Rule {
  return ({ policy, recipients }) => {
    const list = recipientListOf(entriesOf(policy));
    if (list.size === 0) return [];
    const findings: Finding[] = [];
    for (const entry of recipients) {
      const listed = list.entryFor(entry);
      if (listed === undefined) continue;
      findings.push(
        makeFinding(rule, `${entry.field}:${entry.key}`, policy.severities[rule], [recipientTarget(entry)], `finding.${rule}`, {
          address: entry.recipient.address,
          entry: shownEntry(listed),
        }),
      );
    }
    return findings;
  };
}
