import { attachmentKey } from './attachment-key.js';
import { recipientKeyOf, type ClassifiedRecipient } from './classify.js';
import type { AttachmentSnapshot, ChecklistItem, Finding, Policy, RecipientField, RuleId } from './types.js';

/** These rules ARE the recipient and attachment rows; their findings link to rows instead of getting their own. */
const ROW_RULES: readonly RuleId[] = ['external-recipient', 'attachment-to-external'];

/**
 * These rules say something about a recipient the user already ticks: their findings are shown on that
 * row and need no tick of their own, unless the recipient has no row (external-recipient set to info).
 */
const LINKED_RULES: readonly RuleId[] = ['first-time-recipient'];

/** Finding ids per recipient row: by field, then by the recipient's key (recipientKeyOf). */
type RecipientFindings = Readonly<Record<RecipientField, Map<string, string[]>>>;

function pushId(map: Map<string, string[]>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

/** The row key of an entry: its normal form, else the text recipientKeyOf gives. */
function rowKeyOf(entry: ClassifiedRecipient): string {
  return entry.normalized ?? recipientKeyOf(entry.recipient.address);
}

/**
 * recipientKeyOf for the addresses of this message, found by the text the rules copy into their targets,
 * so a thousand targets are not normalised again; any other text is normalised (docs/benchmarks.md
 * "Policy evaluate").
 */
function rowKeysOf(entries: readonly ClassifiedRecipient[]): (address: string) => string {
  const keys = new Map<string, string>();
  for (const entry of entries) keys.set(entry.recipient.address, rowKeyOf(entry));
  return (address) => keys.get(address) ?? recipientKeyOf(address);
}

function findingIdsByTarget(
  findings: readonly Finding[],
  keyOf: (address: string) => string,
): {
  readonly recipients: RecipientFindings;
  readonly attachments: Map<string, string[]>;
} {
  const recipients: RecipientFindings = { to: new Map(), cc: new Map(), bcc: new Map() };
  const attachments = new Map<string, string[]>();
  for (const finding of findings) {
    for (const target of finding.targets) {
      if (target.kind === 'recipient') pushId(recipients[target.field], keyOf(target.address), finding.id);
      else if (target.kind === 'attachment') pushId(attachments, attachmentKey(target), finding.id);
    }
  }
  return { recipients, attachments };
}

function findingIdsOf(entry: ClassifiedRecipient, byRecipient: RecipientFindings): readonly string[] {
  return byRecipient[entry.field].get(rowKeyOf(entry)) ?? [];
}

function recipientItem(entry: ClassifiedRecipient, byRecipient: RecipientFindings): ChecklistItem {
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
function recipientItemsPerDomain(entries: readonly ClassifiedRecipient[], byRecipient: RecipientFindings): ChecklistItem[] {
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
  const keyOf = rowKeysOf(recipients);
  const byTarget = findingIdsByTarget(findings, keyOf);
  const byRecipient = byTarget.recipients;
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
  // Made only when a linked finding asks: a thousand keys for nothing otherwise.
  let rows: ReadonlySet<string> | null = null;
  const hasRows = (finding: Finding): boolean => {
    rows ??= new Set(confirmed.map((entry) => `${entry.field}:${entry.key}`));
    const made = rows;
    return finding.targets.every((target) => target.kind === 'recipient' && made.has(`${target.field}:${keyOf(target.address)}`));
  };
  for (const finding of findings) {
    if (finding.severity !== 'confirm' || ROW_RULES.includes(finding.rule)) continue;
    if (LINKED_RULES.includes(finding.rule) && hasRows(finding)) continue;
    if (movedAtSend && finding.rule === 'many-domains-visible') continue;
    items.push({ id: `finding:${finding.id}`, kind: 'finding', findingId: finding.id });
  }
  return items;
}
