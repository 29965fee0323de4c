// What the pane shows, built from one evaluation: recipients by internal / external domain, attachments,
// findings, and the checklist with what each item said when it was built, so a tick holds only for that.
import {
  attachmentKey,
  classifyRecipient,
  domainOfAddress,
  normalizeAddress,
  toUnicodeDomain,
  type ChecklistItem,
  type Decision,
  type Finding,
  type MessageSnapshot,
  type Policy,
  type RecipientField,
  type RecipientType,
  type Severity,
  type Verdict,
} from '../policy/index.js';
import { explainFindingDomains, type DomainExplanation } from './domain-explanation.js';

export interface RecipientRow {
  readonly key: string;
  readonly address: string;
  readonly name?: string;
  readonly field: RecipientField;
  readonly type?: RecipientType;
  readonly external: boolean;
  /** ASCII form; null when the address has no usable domain. */
  readonly domain: string | null;
  /** A list that reaches outside: the outside domains it reaches, ASCII ([] when not known); see src/policy/classify.ts. */
  readonly outsideDomains?: readonly string[];
  readonly itemId: string | null;
  readonly findings: readonly Finding[];
  /** The verdict suggests taking this recipient off the message. */
  readonly removalSuggested: boolean;
}

export interface DomainGroup {
  /** ASCII form; null groups the addresses without a usable domain. */
  readonly domain: string | null;
  readonly unicode: string | null;
  readonly recipients: readonly RecipientRow[];
  /**
   * The `domain:` checklist item that confirms every recipient of the group at once (policy confirmPer
   * "domain"); its rows then carry no item of their own. Null when each recipient is ticked alone.
   */
  readonly itemId: string | null;
  /** The findings the domain item confirms, so none is lost when a row does not carry it; empty without one. */
  readonly findings: readonly Finding[];
  /** A look-alike or blocking finding names one of its recipients: the group is drawn as a warning. */
  readonly suspicious: boolean;
  /**
   * The lists at internal addresses that reach outside (mailingLists with externalDomains): headed as such
   * rather than by their own, internal, domain; each row names the domains it reaches.
   */
  readonly lists: boolean;
}

export interface AttachmentRow {
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly inline: boolean;
  readonly itemId: string | null;
  readonly findings: readonly Finding[];
}

export interface FindingRow {
  readonly findingId: string;
  /** Null only when the checklist names a finding the verdict lacks; the item must still be tickable. */
  readonly finding: Finding | null;
  readonly itemId: string | null;
  /** The suspicious domains the finding is about, spelled out. */
  readonly explanations: readonly DomainExplanation[];
}

export interface ReviewModel {
  readonly decision: Decision;
  readonly fingerprint: string;
  readonly internal: readonly RecipientRow[];
  readonly external: readonly DomainGroup[];
  readonly attachments: readonly AttachmentRow[];
  /** Findings to list on their own: those no recipient or attachment checkbox already covers. */
  readonly findings: readonly FindingRow[];
  readonly blockingFindings: readonly Finding[];
  /** Addresses the verdict suggests moving to Bcc; empty when it suggests nothing. */
  readonly moveToBcc: readonly string[];
  /** Checklist item id → signature of what the item showed. */
  readonly checklist: ReadonlyMap<string, string>;
}

/** Ticked checklist item id → the signature it had when ticked. */
export type Ticks = ReadonlyMap<string, string>;

const FIELDS: readonly RecipientField[] = ['to', 'cc', 'bcc'];
const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { block: 0, confirm: 1, info: 2 };

export function recipientKey(address: string, field: RecipientField): string {
  return `${field}:${normalizeAddress(address) ?? address.trim().toLowerCase()}`;
}

function findingSignature(finding: Finding | undefined): unknown {
  if (finding === undefined) return null;
  const params = Object.entries(finding.params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [finding.rule, finding.severity, finding.messageKey, params, finding.targets];
}

function itemSignature(item: ChecklistItem, findingsById: ReadonlyMap<string, Finding>): string {
  const related = (ids: readonly string[]) => [...ids].sort().map((id) => [id, findingSignature(findingsById.get(id))]);
  switch (item.kind) {
    case 'recipient':
      return JSON.stringify([
        item.kind,
        normalizeAddress(item.address) ?? item.address,
        item.name ?? '',
        item.field,
        item.domain,
        item.external,
        related(item.findingIds),
        ...(item.outsideDomains === undefined ? [] : [item.outsideDomains]),
      ]);
    case 'domain':
      return JSON.stringify([
        item.kind,
        item.domain,
        item.recipients.map((recipient) => [
          normalizeAddress(recipient.address) ?? recipient.address,
          recipient.name ?? '',
          recipient.field,
        ]),
        related(item.findingIds),
      ]);
    case 'attachment':
      return JSON.stringify([item.kind, item.name, item.size, related(item.findingIds)]);
    case 'finding':
      return JSON.stringify([item.kind, item.findingId, findingSignature(findingsById.get(item.findingId))]);
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function findingsByRecipient(findings: readonly Finding[]): Map<string, Finding[]> {
  const byKey = new Map<string, Finding[]>();
  for (const finding of findings) {
    for (const target of finding.targets) {
      if (target.kind === 'recipient') pushTo(byKey, recipientKey(target.address, target.field), finding);
    }
  }
  return byKey;
}

function findingsByAttachment(findings: readonly Finding[]): Map<string, Finding[]> {
  const byKey = new Map<string, Finding[]>();
  for (const finding of findings) {
    for (const target of finding.targets) {
      if (target.kind === 'attachment') pushTo(byKey, attachmentKey(target), finding);
    }
  }
  return byKey;
}

function withItemFindings(found: readonly Finding[], findingIds: readonly string[], findingsById: ReadonlyMap<string, Finding>): Finding[] {
  const all = [...found];
  for (const id of findingIds) {
    const finding = findingsById.get(id);
    if (finding !== undefined && !all.includes(finding)) all.push(finding);
  }
  return all;
}

type DomainItem = Extract<ChecklistItem, { kind: 'domain' }>;

function domainItemsOf(verdict: Verdict): DomainItem[] {
  return verdict.checklist.filter((item): item is DomainItem => item.kind === 'domain');
}

/** Recipient key → the domain item that confirms that recipient. */
function domainItemByRecipient(verdict: Verdict): Map<string, DomainItem> {
  const byKey = new Map<string, DomainItem>();
  for (const item of domainItemsOf(verdict)) {
    for (const recipient of item.recipients) byKey.set(recipientKey(recipient.address, recipient.field), item);
  }
  return byKey;
}

function buildRecipientRows(
  snapshot: MessageSnapshot,
  verdict: Verdict,
  policy: Policy,
  findingsById: ReadonlyMap<string, Finding>,
): RecipientRow[] {
  const items = new Map<string, Extract<ChecklistItem, { kind: 'recipient' }>>();
  for (const item of verdict.checklist) {
    if (item.kind === 'recipient') items.set(recipientKey(item.address, item.field), item);
  }
  const domainItems = domainItemByRecipient(verdict);
  const byRecipient = findingsByRecipient(verdict.findings);
  const removals = new Set(
    verdict.actions.flatMap((action) => (action.kind === 'remove-recipient' ? [recipientKey(action.address, action.field)] : [])),
  );
  const rows = new Map<string, RecipientRow>();
  for (const field of FIELDS) {
    for (const recipient of snapshot[field]) {
      const key = recipientKey(recipient.address, field);
      if (rows.has(key)) continue;
      const item = items.get(key);
      const domainItem = domainItems.get(key);
      // The domain item's spelling wins, so each of its recipients lands in the group that holds its checkbox.
      const domain = domainItem?.domain ?? (item !== undefined && item.domain !== '' ? item.domain : domainOfAddress(recipient.address));
      rows.set(key, {
        key,
        address: recipient.address,
        ...(recipient.name !== undefined ? { name: recipient.name } : {}),
        field,
        ...(recipient.type !== undefined ? { type: recipient.type } : {}),
        external: domainItem !== undefined || (item?.external ?? !classifyRecipient(recipient, field, policy).internal),
        domain,
        ...(item?.outsideDomains !== undefined ? { outsideDomains: item.outsideDomains } : {}),
        itemId: item?.id ?? null,
        findings: withItemFindings(byRecipient.get(key) ?? [], item?.findingIds ?? [], findingsById),
        removalSuggested: removals.has(key),
      });
    }
  }
  for (const [key, item] of items) {
    if (rows.has(key)) continue;
    rows.set(key, {
      key,
      address: item.address,
      ...(item.name !== undefined ? { name: item.name } : {}),
      field: item.field,
      external: item.external,
      domain: item.domain === '' ? null : item.domain,
      ...(item.outsideDomains !== undefined ? { outsideDomains: item.outsideDomains } : {}),
      itemId: item.id,
      findings: withItemFindings(byRecipient.get(key) ?? [], item.findingIds, findingsById),
      removalSuggested: removals.has(key),
    });
  }
  // A domain item's recipients the snapshot lacks still get rows: the checkbox confirms them too.
  for (const [key, item] of domainItems) {
    if (rows.has(key)) continue;
    const recipient = item.recipients.find((candidate) => recipientKey(candidate.address, candidate.field) === key);
    if (recipient === undefined) continue;
    rows.set(key, {
      key,
      address: recipient.address,
      ...(recipient.name !== undefined ? { name: recipient.name } : {}),
      field: recipient.field,
      external: true,
      domain: item.domain,
      itemId: null,
      findings: byRecipient.get(key) ?? [],
      removalSuggested: removals.has(key),
    });
  }
  return [...rows.values()];
}

function isAlarming(finding: Finding): boolean {
  return finding.rule === 'lookalike-domain' || finding.severity === 'block';
}

function groupByDomain(
  rows: readonly RecipientRow[],
  domainItems: readonly DomainItem[],
  findingsById: ReadonlyMap<string, Finding>,
): DomainGroup[] {
  const byDomain = new Map<string | null, RecipientRow[]>();
  const lists: RecipientRow[] = [];
  // A domain item always gets its group, even with no row left, so its checkbox can be ticked.
  for (const item of domainItems) byDomain.set(item.domain, []);
  for (const row of rows) {
    if (row.outsideDomains !== undefined) lists.push(row);
    else pushTo(byDomain, row.domain, row);
  }
  const itemByDomain = new Map(domainItems.map((item) => [item.domain, item]));
  const groups = [...byDomain].map(([domain, recipients]): DomainGroup => {
    const item = domain === null ? undefined : itemByDomain.get(domain);
    const findings = withItemFindings([], item?.findingIds ?? [], findingsById);
    return {
      domain,
      unicode: domain === null ? null : toUnicodeDomain(domain),
      recipients,
      itemId: item?.id ?? null,
      findings,
      suspicious: findings.some(isAlarming) || recipients.some((row) => row.findings.some(isAlarming)),
      lists: false,
    };
  });
  groups.sort((a, b) => {
    if (a.unicode === null) return 1;
    if (b.unicode === null) return -1;
    return a.unicode.localeCompare(b.unicode);
  });
  if (lists.length === 0) return groups;
  // Lists come first: each stands for members the sender cannot see.
  const suspicious = lists.some((row) => row.findings.some(isAlarming));
  return [{ domain: null, unicode: null, recipients: lists, itemId: null, findings: [], suspicious, lists: true }, ...groups];
}

function buildAttachmentRows(snapshot: MessageSnapshot, verdict: Verdict, findingsById: ReadonlyMap<string, Finding>): AttachmentRow[] {
  const items = new Map<string, Extract<ChecklistItem, { kind: 'attachment' }>>();
  for (const item of verdict.checklist) {
    if (item.kind === 'attachment') items.set(attachmentKey(item), item);
  }
  const byAttachment = findingsByAttachment(verdict.findings);
  const rows = new Map<string, AttachmentRow>();
  for (const attachment of snapshot.attachments) {
    const key = attachmentKey(attachment);
    if (rows.has(key)) continue;
    const item = items.get(key);
    rows.set(key, {
      key,
      name: attachment.name,
      size: attachment.size,
      inline: attachment.inline,
      itemId: item?.id ?? null,
      findings: withItemFindings(byAttachment.get(key) ?? [], item?.findingIds ?? [], findingsById),
    });
  }
  for (const [key, item] of items) {
    if (rows.has(key)) continue;
    rows.set(key, {
      key,
      name: item.name,
      size: item.size,
      inline: false,
      itemId: item.id,
      findings: withItemFindings(byAttachment.get(key) ?? [], item.findingIds, findingsById),
    });
  }
  return [...rows.values()];
}

/**
 * Findings a recipient or attachment checkbox confirms along with its row, which shows them as badges.
 * Blocking findings and those with a suspicious domain to explain are listed anyway.
 */
function isCovered(finding: Finding, explanations: readonly DomainExplanation[], coveringItems: ReadonlySet<string>): boolean {
  return coveringItems.has(finding.id) && finding.severity !== 'block' && explanations.length === 0;
}

function lookalikeFirst(finding: Finding): number {
  return finding.rule === 'lookalike-domain' ? 0 : 1;
}

function buildFindingRows(verdict: Verdict, policy: Policy): FindingRow[] {
  const itemByFinding = new Map<string, string>();
  const coveringItems = new Set<string>();
  for (const item of verdict.checklist) {
    if (item.kind === 'finding') itemByFinding.set(item.findingId, item.id);
    else for (const id of item.findingIds) coveringItems.add(id);
  }
  const ordered = [...verdict.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  // Look-alike findings explain their domain first; a domain is spelled out once however many findings name it.
  const explained = new Set<string>();
  const explanationsOf = new Map<Finding, DomainExplanation[]>();
  for (const finding of [...ordered].sort((a, b) => lookalikeFirst(a) - lookalikeFirst(b))) {
    const fresh = explainFindingDomains(finding, policy).filter((explanation) => !explained.has(explanation.ascii));
    for (const explanation of fresh) explained.add(explanation.ascii);
    explanationsOf.set(finding, fresh);
  }
  const rows: FindingRow[] = [];
  for (const finding of ordered) {
    const itemId = itemByFinding.get(finding.id) ?? null;
    const explanations = explanationsOf.get(finding) ?? [];
    if (itemId === null && isCovered(finding, explanations, coveringItems)) continue;
    rows.push({ findingId: finding.id, finding, itemId, explanations });
  }
  const known = new Set(verdict.findings.map((finding) => finding.id));
  for (const [findingId, itemId] of itemByFinding) {
    if (!known.has(findingId)) rows.push({ findingId, finding: null, itemId, explanations: [] });
  }
  return rows;
}

function suggestedBcc(verdict: Verdict): string[] {
  const addresses: string[] = [];
  for (const action of verdict.actions) {
    if (action.kind !== 'move-to-bcc') continue;
    for (const address of action.addresses) if (!addresses.includes(address)) addresses.push(address);
  }
  return addresses;
}

/** `hasBcc: false` for a meeting: it has no Bcc, so moving there is never offered. */
export function buildReviewModel(snapshot: MessageSnapshot, verdict: Verdict, policy: Policy, hasBcc = true): ReviewModel {
  const findingsById = new Map(verdict.findings.map((finding) => [finding.id, finding]));
  const recipients = buildRecipientRows(snapshot, verdict, policy, findingsById);
  return {
    decision: verdict.decision,
    fingerprint: verdict.fingerprint,
    internal: recipients.filter((row) => !row.external),
    external: groupByDomain(
      recipients.filter((row) => row.external),
      domainItemsOf(verdict),
      findingsById,
    ),
    attachments: buildAttachmentRows(snapshot, verdict, findingsById),
    findings: buildFindingRows(verdict, policy),
    blockingFindings: verdict.findings.filter((finding) => finding.severity === 'block'),
    moveToBcc: hasBcc ? suggestedBcc(verdict) : [],
    checklist: new Map(verdict.checklist.map((item) => [item.id, itemSignature(item, findingsById)])),
  };
}

export function isTicked(model: ReviewModel, ticks: Ticks, itemId: string): boolean {
  const signature = model.checklist.get(itemId);
  return signature !== undefined && ticks.get(itemId) === signature;
}

/** Ticks or unticks the given items; ids that are not on the checklist are ignored. */
export function setTicked(model: ReviewModel, ticks: Ticks, itemIds: readonly string[], ticked: boolean): Ticks {
  const next = new Map(ticks);
  for (const itemId of itemIds) {
    const signature = model.checklist.get(itemId);
    if (signature === undefined) continue;
    if (ticked) next.set(itemId, signature);
    else next.delete(itemId);
  }
  return next;
}

/** Keeps the ticks of items still on the checklist with exactly what they showed when ticked. */
export function carryTicks(ticks: Ticks, model: ReviewModel): Ticks {
  const kept = new Map<string, string>();
  for (const [itemId, signature] of ticks) {
    if (model.checklist.get(itemId) === signature) kept.set(itemId, signature);
  }
  return kept;
}

export function remainingCount(model: ReviewModel, ticks: Ticks): number {
  let remaining = 0;
  for (const itemId of model.checklist.keys()) if (!isTicked(model, ticks, itemId)) remaining += 1;
  return remaining;
}

export function canConfirm(model: ReviewModel, ticks: Ticks): boolean {
  return model.decision === 'confirm' && remainingCount(model, ticks) === 0;
}

/** Internal recipients on the checklist (when the policy confirms internal-only mail): the only group with "tick all". */
export function internalItemIds(model: ReviewModel): string[] {
  return model.internal.flatMap((row) => (row.itemId === null ? [] : [row.itemId]));
}
