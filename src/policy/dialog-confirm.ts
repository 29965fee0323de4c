// Whether a confirm verdict is low-risk enough to be confirmed by Send Anyway in the Smart Alerts dialog
// (policy `dialogConfirm`, docs/policy.md), and what that dialog must then list.
import { isWithinAny } from './domain.js';
import { NEVER_DIALOG_RULES } from './parse-send-moment.js';
import type { ChecklistItem, Policy, Verdict } from './types.js';

export interface DialogConfirmation {
  /** Every outside address, in message order: the dialog lists each, so Send Anyway confirms exactly them. */
  readonly addresses: readonly string[];
}

function outsideAddresses(checklist: readonly ChecklistItem[]): { addresses: string[]; domains: string[] } | null {
  const addresses: string[] = [];
  const domains: string[] = [];
  const add = (address: string, domain: string): void => {
    if (!addresses.some((known) => known.toLowerCase() === address.toLowerCase())) addresses.push(address);
    if (!domains.includes(domain)) domains.push(domain);
  };
  for (const item of checklist) {
    if (item.kind === 'recipient' && item.outsideDomains !== undefined) {
      // A list reaches its outside domains, not its own; one whose members are not known needs the pane.
      if (item.outsideDomains.length === 0) return null;
      for (const domain of item.outsideDomains) add(item.address, domain);
    } else if (item.kind === 'recipient') {
      // Internal rows (confirmInternalOnly) and addresses without a domain need the pane's explanation.
      if (!item.external || item.domain === '') return null;
      add(item.address, item.domain);
    } else if (item.kind === 'domain') {
      for (const recipient of item.recipients) add(recipient.address, item.domain);
    }
  }
  return { addresses, domains };
}

export function dialogConfirmation(verdict: Verdict, policy: Policy): DialogConfirmation | null {
  const settings = policy.dialogConfirm;
  if (verdict.decision !== 'confirm' || settings.maxExternalRecipients === 0) return null;
  const allowed = (rule: Verdict['findings'][number]['rule']): boolean =>
    settings.rules.includes(rule) && !NEVER_DIALOG_RULES.includes(rule);
  if (verdict.findings.some((finding) => finding.severity !== 'info' && !allowed(finding.rule))) return null;
  // Attachment rows are ticked for attachment-to-external even when that rule reports nothing of its own.
  if (verdict.checklist.some((item) => item.kind === 'attachment') && !allowed('attachment-to-external')) return null;
  const outside = outsideAddresses(verdict.checklist);
  if (outside === null || outside.addresses.length === 0 || outside.addresses.length > settings.maxExternalRecipients) return null;
  if (settings.trustedDomainsOnly && !outside.domains.every((domain) => isWithinAny(domain, policy.trustedDomains))) return null;
  return { addresses: outside.addresses };
}
