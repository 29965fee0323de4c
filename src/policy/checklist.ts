import { attachmentKey } from './attachment-key.js';
import { recipientRows, type RecipientRows } from './checklist-rows.js';
import type { ClassifiedRecipient } from './classify.js';
import type { AttachmentSnapshot, ChecklistItem, Finding, Policy, RecipientField, RuleId } from './types.js';

/** These rules ARE the recipient and attachment rows; their findings link to rows instead of getting their own. */
const ROW_RULES: readonly RuleId[] = ['external-recipient', 'attachment-to-external'];

/**
 * These rules say something about a recipient the user already ticks: their findings are shown on that
 * row and need no tick of their own, unless the recipient has no row (external-recipient set to info).
 */
const LINKED_RULES: readonly RuleId[] = ['first-time-recipient'];

/** Finding ids per recipient row (checklist-rows.ts), by row number. */
type RecipientFindings = readonly (string[] | undefined)[];

function pushId(ids: string[] | undefined, id: string): string[] {
  if (ids === undefined) return [id];
  if (!ids.includes(id)) ids.push(id);
  return ids;
}

function findingIdsByTarget(
  findings: readonly Finding[],
  rows: RecipientRows,
): {
  readonly recipients: RecipientFindings;
  readonly attachments: Map<string, string[]>;
} {
  const recipients: (string[] | undefined)[] = new Array<string[] | undefined>(rows.count);
  const attachments = new Map<string, string[]>();
  for (const finding of findings) {
    for (const target of finding.targets) {
      if (target.kind === 'recipient') {
        const row = rows.rowOfTarget(target.field, target.address);
        if (row !== undefined) recipients[row] = pushId(recipients[row], finding.id);
      } else if (target.kind === 'attachment') {
        const key = attachmentKey(target);
        attachments.set(key, pushId(attachments.get(key), finding.id));
      }
    }
  }
  return { recipients, attachments };
}

interface RowFindings {
  readonly rows: RecipientRows;
  readonly ids: RecipientFindings;
}

function findingIdsOf(entry: ClassifiedRecipient, byRecipient: RowFindings): readonly string[] {
  return byRecipient.ids[byRecipient.rows.rowOf(entry)] ?? [];
}

function recipientItem(entry: ClassifiedRecipient, byRecipient: RowFindings): ChecklistItem {
  const { address, name } = entry.recipient;
  const findingIds = findingIdsOf(entry, byRecipient);
  const domain = entry.domain ?? '';
  const id = `recipient:${entry.field}:${entry.key}`;
  // Written out rather than spread: this runs once per recipient, a thousand times for a large mailing.
  const item: ChecklistItem =
    name === undefined
      ? { id, kind: 'recipient', address, field: entry.field, domain, external: entry.external, findingIds }
      : { id, kind: 'recipient', address, name, field: entry.field, domain, external: entry.external, findingIds };
  return entry.outsideDomains === null ? item : { ...item, outsideDomains: entry.outsideDomains };
}

/**
 * One item per outside domain, in the order the domains first appear; recipients without a usable domain,
 * internal ones (confirmInternalOnly) and lists that reach outside keep an item each, since no one domain
 * speaks for them.
 */
function recipientItemsPerDomain(entries: readonly ClassifiedRecipient[], byRecipient: RowFindings): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const byDomain = new Map<string, ClassifiedRecipient[]>();
  for (const entry of entries) {
    if (!entry.external || entry.domain === null || entry.outsideDomains !== null) {
      items.push(recipientItem(entry, byRecipient));
      continue;
    }
    const group = byDomain.get(entry.domain);
    if (group === undefined) byDomain.set(entry.domain, [entry]);
    else group.push(entry);
  }
  for (const [domain, group] of byDomain) {
    const findingIds: string[] = [];
    for (const entry of group) for (const id of findingIdsOf(entry, byRecipient)) if (!findingIds.includes(id)) findingIds.push(id);
    items.push({
      id: `domain:${domain}`,
      kind: 'domain',
      domain,
      recipients: group.map((entry) => ({
        address: entry.recipient.address,
        ...(entry.recipient.name === undefined ? {} : { name: entry.recipient.name }),
        field: entry.field,
      })),
      findingIds,
    });
  }
  return items;
}

/**
 * What the user must tick: each external recipient (every recipient when confirmInternalOnly), each file
 * attachment once anything goes outside, and each confirm finding that is not already such a row. A row
 * rule set to `info` takes its rows off the list.
 */
export function buildChecklist(
  recipients: readonly ClassifiedRecipient[],
  attachments: readonly AttachmentSnapshot[],
  findings: readonly Finding[],
  policy: Policy,
): ChecklistItem[] {
  const rows = recipientRows(recipients);
  const byTarget = findingIdsByTarget(findings, rows);
  const byRecipient: RowFindings = { rows, ids: byTarget.recipients };
  const confirmExternal = policy.severities['external-recipient'] !== 'info';
  const confirmed = recipients.filter((entry) => policy.confirmInternalOnly || (entry.external && confirmExternal));
  const items: ChecklistItem[] =
    policy.confirmPer === 'domain'
      ? recipientItemsPerDomain(confirmed, byRecipient)
      : confirmed.map((entry) => recipientItem(entry, byRecipient));
  const anyExternal = recipients.some((entry) => entry.external);
  const confirmAttachments = policy.confirmInternalOnly || (anyExternal && policy.severities['attachment-to-external'] !== 'info');
  const seen = new Set<string>();
  for (const attachment of confirmAttachments ? attachments : []) {
    const key = attachmentKey(attachment);
    if (attachment.inline || seen.has(key)) continue;
    seen.add(key);
    items.push({
      id: `attachment:${key}`,
      kind: 'attachment',
      name: attachment.name,
      size: attachment.size,
      findingIds: byTarget.attachments.get(key) ?? [],
    });
  }
  // With bccAction "move" the handler moves them at Send: nothing for the user to tick.
  const movedAtSend = policy.bccAction === 'move';
  // Made only when a linked finding asks.
  let hasRow: ((field: RecipientField, address: string) => boolean) | null = null;
  const hasRows = (finding: Finding): boolean => {
    hasRow ??= rows.namesAny(confirmed);
    const named = hasRow;
    return finding.targets.every((target) => target.kind === 'recipient' && named(target.field, target.address));
  };
  for (const finding of findings) {
    if (finding.severity !== 'confirm' || ROW_RULES.includes(finding.rule)) continue;
    if (LINKED_RULES.includes(finding.rule) && hasRows(finding)) continue;
    if (movedAtSend && finding.rule === 'many-domains-visible') continue;
    items.push({ id: `finding:${finding.id}`, kind: 'finding', findingId: finding.id });
  }
  return items;
}
