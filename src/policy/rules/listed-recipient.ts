import { toUnicodeDomain } from '../domain.js';
import type { ClassifiedRecipient } from '../classify.js';
import { recipientListOf, type PolicyRecipientList } from '../recipient-list/policy-list.js';
import type { Finding, Policy } from '../types.js';
import { makeFinding, recipientTarget, type Rule } from './rule.js';

/** An entry as the finding names it: its domain in Unicode, as the admin most likely wrote it. */
function shownEntry(entry: string): string {
  if (/[*?]/.test(entry)) return entry;
  const at = entry.lastIndexOf('@');
  const domain = entry.slice(at + 1);
  return domain === '' ? entry : `${entry.slice(0, at + 1)}${toUnicodeDomain(domain)}`;
}

/** The recipients a list holds, each with the first entry that matched it, in order. */
type Listed = readonly { readonly entry: ClassifiedRecipient; readonly listed: string }[];

/**
 * The last answer per list, with the entries it was for: classify.ts gives the same entries for the same
 * recipients, so the pane's re-evaluation does not match a thousand recipients against the list again.
 */
const lastListed = new WeakMap<PolicyRecipientList, { readonly recipients: readonly ClassifiedRecipient[]; readonly held: Listed }>();

function heldBy(list: PolicyRecipientList, recipients: readonly ClassifiedRecipient[]): Listed {
  const last = lastListed.get(list);
  if (last?.recipients === recipients) return last.held;
  const held: { entry: ClassifiedRecipient; listed: string }[] = [];
  for (const entry of recipients) {
    const listed = list.entryFor(entry);
    if (listed !== undefined) held.push({ entry, listed });
  }
  lastListed.set(list, { recipients, held });
  return held;
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
    for (const { entry, listed } of heldBy(list, recipients)) {
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
