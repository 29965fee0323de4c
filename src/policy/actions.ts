import type { ClassifiedRecipient } from './classify.js';
import type { Finding, RuleId, SuggestedAction } from './types.js';

/** Recipients these rules name are better removed than confirmed. */
const REMOVAL_RULES: readonly RuleId[] = ['blocked-recipient', 'lookalike-domain'];

/**
 * Move external To/Cc to Bcc when too many domains see each other (only addresses Outlook can re-add,
 * so not the unresolved); remove blocked and look-alike recipients.
 */
export function suggestActions(recipients: readonly ClassifiedRecipient[], findings: readonly Finding[]): SuggestedAction[] {
  const actions: SuggestedAction[] = [];
  if (findings.some((finding) => finding.rule === 'many-domains-visible')) {
    const distinct = new Set<string>();
    for (const entry of recipients)
      if (!entry.internal && entry.field !== 'bcc' && entry.domain !== null) distinct.add(entry.recipient.address);
    actions.push({ kind: 'move-to-bcc', addresses: [...distinct] });
  }
  const removals = new Set<string>();
  for (const finding of findings) {
    if (!REMOVAL_RULES.includes(finding.rule)) continue;
    for (const target of finding.targets) {
      if (target.kind !== 'recipient') continue;
      const key = `${target.field}\u0000${target.address}`;
      if (removals.has(key)) continue;
      removals.add(key);
      actions.push({ kind: 'remove-recipient', address: target.address, field: target.field });
    }
  }
  return actions;
}
