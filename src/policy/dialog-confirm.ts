// Whether a confirm verdict is low-risk enough to be confirmed by Send Anyway in the Smart Alerts dialog
// (policy `dialogConfirm`, docs/policy.md), and what that dialog must then list.
import { normalAddress } from './domain.js';
import { NEVER_DIALOG_RULES } from './parse-send-moment.js';
import { recipientListOf } from './recipient-list/policy-list.js';
import type { ChecklistItem, Policy, Verdict } from './types.js';

export interface DialogConfirmation {
  /** Every outside address, in message order: the dialog lists each, so Send Anyway confirms exactly them. */
  readonly addresses: readonly string[];
}

/** What Send Anyway would confirm: outside addresses, and the outside domains that lists among them reach. */
interface Outside {
  readonly addresses: string[];
  readonly listDomains: string[];
}

function outsideOf(checklist: readonly ChecklistItem[]): Outside | null {
  const addresses: string[] = [];
  const listDomains: string[] = [];
  const add = (address: string): void => {
    if (!addresses.some((known) => known.toLowerCase() === address.toLowerCase())) addresses.push(address);
  };
  for (const item of checklist) {
    if (item.kind === 'recipient' && item.outsideDomains !== undefined) {
      // A list reaches its outside domains, not its own; one whose members are not known needs the pane.
      if (item.outsideDomains.length === 0) return null;
      add(item.address);
      for (const domain of item.outsideDomains) if (!listDomains.includes(domain)) listDomains.push(domain);
    } else if (item.kind === 'recipient') {
      // Internal rows (confirmInternalOnly) and addresses without a domain need the pane's explanation.
      if (!item.external || item.domain === '') return null;
      add(item.address);
    } else if (item.kind === 'domain') {
      for (const recipient of item.recipients) add(recipient.address);
    }
  }
  return { addresses, listDomains };
}

/**
 * Trust is per address (an exclusion in trustedDomains takes one address of a trusted domain out); a
 * list's members are known only by their domains, so those must be trusted as domains.
 */
function allTrusted({ addresses, listDomains }: Outside, listed: ReadonlySet<string>, policy: Policy): boolean {
  const trusted = recipientListOf(policy.trustedDomains);
  return (
    addresses.every((address) => listed.has(address) || trusted.firstMatch(normalAddress(address)) >= 0) &&
    listDomains.every((domain) => trusted.firstMatch({ normalized: `@${domain}`, domain }) >= 0)
  );
}

export function dialogConfirmation(verdict: Verdict, policy: Policy): DialogConfirmation | null {
  const settings = policy.dialogConfirm;
  if (verdict.decision !== 'confirm' || settings.maxExternalRecipients === 0) return null;
  const allowed = (rule: Verdict['findings'][number]['rule']): boolean =>
    settings.rules.includes(rule) && !NEVER_DIALOG_RULES.includes(rule);
  if (verdict.findings.some((finding) => finding.severity !== 'info' && !allowed(finding.rule))) return null;
  // Attachment rows are ticked for attachment-to-external even when that rule reports nothing of its own.
  if (verdict.checklist.some((item) => item.kind === 'attachment') && !allowed('attachment-to-external')) return null;
  const outside = outsideOf(verdict.checklist);
  if (outside === null || outside.addresses.length === 0 || outside.addresses.length > settings.maxExternalRecipients) return null;
  const lists = new Set<string>();
  for (const item of verdict.checklist) if (item.kind === 'recipient' && item.outsideDomains !== undefined) lists.add(item.address);
  if (settings.trustedDomainsOnly && !allTrusted(outside, lists, policy)) return null;
  return { addresses: outside.addresses };
}
