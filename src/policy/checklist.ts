import { recipientKeyOf, type ClassifiedRecipient } from './classify.js';
import type { AttachmentSnapshot, ChecklistItem, Finding, Policy, RuleId } from './types.js';

/** These rules ARE the recipient and attachment rows; their findings link to rows instead of getting their own. */
const ROW_RULES: readonly RuleId[] = ['external-recipient', 'attachment-to-external'];

function attachmentKey(name: string, size: number): string {
  return `${name}:${size}`;
}

function pushId(map: Map<string, string[]>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

function findingIdsByTarget(findings: readonly Finding[]): Map<string, string[]> {
  const byTarget = new Map<string, string[]>();
  for (const finding of findings) {
    for (const target of finding.targets) {
      if (target.kind === 'recipient') {
        pushId(byTarget, `recipient:${target.field}:${recipientKeyOf(target.address)}`, finding.id);
      } else if (target.kind === 'attachment') {
        pushId(byTarget, `attachment:${attachmentKey(target.name, target.size)}`, finding.id);
      }
    }
  }
  return byTarget;
}

function recipientItem(entry: ClassifiedRecipient, byTarget: ReadonlyMap<string, readonly string[]>): ChecklistItem {
  return {
    id: `recipient:${entry.field}:${entry.key}`,
    kind: 'recipient',
    address: entry.recipient.address,
    ...(entry.recipient.name === undefined ? {} : { name: entry.recipient.name }),
    field: entry.field,
    domain: entry.domain ?? '',
    external: entry.external,
    findingIds: findingIdsOf(entry, byTarget),
  };
}

function findingIdsOf(entry: ClassifiedRecipient, byTarget: ReadonlyMap<string, readonly string[]>): readonly string[] {
  return byTarget.get(`recipient:${entry.field}:${recipientKeyOf(entry.recipient.address)}`) ?? [];
}

/**
 * One item per outside domain, in the order the domains first appear; recipients without a usable domain
 * and internal ones (confirmInternalOnly) keep an item each, since no domain speaks for them.
 */
function recipientItemsPerDomain(entries: readonly ClassifiedRecipient[], byTarget: ReadonlyMap<string, readonly string[]>): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const byDomain = new Map<string, ClassifiedRecipient[]>();
  for (const entry of entries) {
    if (!entry.external || entry.domain === null) {
      items.push(recipientItem(entry, byTarget));
      continue;
    }
    const group = byDomain.get(entry.domain);
    if (group === undefined) byDomain.set(entry.domain, [entry]);
    else group.push(entry);
  }
  for (const [domain, group] of byDomain) {
    const findingIds: string[] = [];
    for (const entry of group) for (const id of findingIdsOf(entry, byTarget)) if (!findingIds.includes(id)) findingIds.push(id);
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
  const byTarget = findingIdsByTarget(findings);
  const confirmExternal = policy.severities['external-recipient'] !== 'info';
  const confirmed = recipients.filter((entry) => policy.confirmInternalOnly || (entry.external && confirmExternal));
  const items: ChecklistItem[] =
    policy.confirmPer === 'domain' ? recipientItemsPerDomain(confirmed, byTarget) : confirmed.map((entry) => recipientItem(entry, byTarget));
  const anyExternal = recipients.some((entry) => entry.external);
  const confirmAttachments =
    policy.confirmInternalOnly || (anyExternal && policy.severities['attachment-to-external'] !== 'info');
  const seen = new Set<string>();
  for (const attachment of confirmAttachments ? attachments : []) {
    const key = attachmentKey(attachment.name, attachment.size);
    if (attachment.inline || seen.has(key)) continue;
    seen.add(key);
    items.push({
      id: `attachment:${key}`,
      kind: 'attachment',
      name: attachment.name,
      size: attachment.size,
      findingIds: byTarget.get(`attachment:${key}`) ?? [],
    });
  }
  // With bccAction "move" the handler moves them at Send: nothing for the user to tick.
  const movedAtSend = policy.bccAction === 'move';
  for (const finding of findings) {
    if (finding.severity !== 'confirm' || ROW_RULES.includes(finding.rule)) continue;
    if (movedAtSend && finding.rule === 'many-domains-visible') continue;
    items.push({ id: `finding:${finding.id}`, kind: 'finding', findingId: finding.id });
  }
  return items;
}
