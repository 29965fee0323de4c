// What the administrators' audit routes answer (docs/admin.md "Audit", "Statistics"), and the parsers the
// console reads them with: a shape it does not know is a bad answer, not a blank page.
import { AUDIT_DECISIONS, AUDIT_EVENT_KINDS, type AuditDecision, type AuditEventKind } from './audit.js';
import { fieldsOf, listOf } from './fields.js';

/** The filters GET /api/admin/audit takes; `from` inclusive, `to` exclusive, both ISO 8601. */
export interface AuditFilter {
  readonly from?: string;
  readonly to?: string;
  readonly user?: string;
  readonly decision?: AuditDecision;
  readonly rule?: string;
  readonly kind?: AuditEventKind;
  readonly limit?: number;
}

export type AuditExportFormat = 'json' | 'csv' | 'jsonl';

/** One event as the route exports it. */
export interface AdminAuditEvent {
  readonly at: string;
  readonly user: string;
  /** False for the send handler's events: the mailbox's own, unverified claim. */
  readonly verified: boolean;
  readonly kind: string;
  readonly platform: string;
  readonly mailbox: string;
  readonly policy: string | null;
  readonly decision: string | null;
  readonly rules: Readonly<Record<string, number>>;
  /** Plain or HMAC-hashed, as the policy's `audit.domains` says. */
  readonly domains: readonly string[];
  readonly durationMs: number | null;
  readonly confirmSeconds: number | null;
}

export interface Counted {
  readonly key: string;
  readonly count: number;
}

/** GET /api/admin/stats (src/server/audit/audit-statistics.ts, plus how many events it read). */
export interface AdminStatistics {
  /** Send checks per UTC day, by decision. */
  readonly perDay: readonly { readonly day: string; readonly decisions: Readonly<Record<string, number>> }[];
  /** Send checks in which each rule fired, most first. */
  readonly topRules: readonly Counted[];
  /** Send checks a rule blocked, most first. */
  readonly blocksPerRule: readonly Counted[];
  /** Outside domains (as kept: plain or hashed) in confirmations, most first; empty when not kept. */
  readonly topConfirmedDomains: readonly Counted[];
  readonly medianConfirmSeconds: number | null;
  /** How outside mail was confirmed: Send Anyway in the dialog, or ticks in the pane. */
  readonly confirmedBy: { readonly dialog: number; readonly pane: number };
  readonly approvals: {
    readonly requested: number;
    readonly approved: number;
    readonly rejected: number;
    readonly medianTurnaroundMinutes: number | null;
  };
  /** Of the send events, how many are the handler's unverified claims. */
  readonly unverifiedShare: number | null;
  /** How many events the figures come from; `capped` when the route read no more than its limit. */
  readonly events: number;
  readonly capped: boolean;
}

/**
 * The query string for a filter (blank fields left out), and the answer format when given. Built by hand:
 * this layer also compiles for classic Outlook's runtime, which has no URLSearchParams.
 */
export function auditQuery(filter: AuditFilter, format?: AuditExportFormat): string {
  const pairs: string[] = [];
  for (const name of ['from', 'to', 'user', 'decision', 'rule', 'kind'] as const) {
    const value = filter[name]?.trim();
    if (value !== undefined && value !== '') pairs.push(`${name}=${encodeURIComponent(value)}`);
  }
  if (filter.limit !== undefined) pairs.push(`limit=${filter.limit}`);
  if (format !== undefined) pairs.push(`format=${format}`);
  return pairs.join('&');
}

/** A count or a share: statistics may be fractions, unlike the byte counts of fields.ts. */
function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function nullableNumber(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isFinite(value));
}

function nullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function counts(value: unknown): Readonly<Record<string, number>> | null {
  const fields = fieldsOf(value);
  if (fields === null || !Object.keys(fields).every((key) => isCount(fields[key]))) return null;
  return fields as Readonly<Record<string, number>>;
}

function auditEvent(value: unknown): AdminAuditEvent | null {
  const fields = fieldsOf(value);
  if (fields === null) return null;
  const { at, user, verified, kind, platform, mailbox, policy, decision, rules, domains, durationMs, confirmSeconds } = fields;
  const ruleCounts = counts(rules);
  if (typeof at !== 'string' || typeof user !== 'string' || typeof verified !== 'boolean' || typeof kind !== 'string') return null;
  if (typeof platform !== 'string' || typeof mailbox !== 'string' || !nullableString(policy) || !nullableString(decision)) return null;
  if (ruleCounts === null || !Array.isArray(domains) || !domains.every((domain) => typeof domain === 'string')) return null;
  if (!nullableNumber(durationMs) || !nullableNumber(confirmSeconds)) return null;
  return {
    at,
    user,
    verified,
    kind,
    platform,
    mailbox,
    policy,
    decision,
    rules: ruleCounts,
    domains: domains as string[],
    durationMs,
    confirmSeconds,
  };
}

export function parseAdminAuditEvents(value: unknown): AdminAuditEvent[] | null {
  const events = fieldsOf(value)?.['events'];
  if (!Array.isArray(events)) return null;
  const parsed = events.map(auditEvent);
  return parsed.every((event): event is AdminAuditEvent => event !== null) ? parsed : null;
}

function countedList(value: unknown): Counted[] | null {
  return listOf(value, (item) => {
    const { key, count } = item;
    return typeof key === 'string' && isCount(count) ? { key, count } : null;
  });
}

function perDay(value: unknown): AdminStatistics['perDay'] | null {
  if (!Array.isArray(value)) return null;
  const days = value.map((item) => {
    const fields = fieldsOf(item);
    const decisions = counts(fields?.['decisions']);
    return fields !== null && typeof fields['day'] === 'string' && decisions !== null ? { day: fields['day'], decisions } : null;
  });
  return days.every((day) => day !== null) ? (days as AdminStatistics['perDay']) : null;
}

export function parseAdminStatistics(value: unknown): AdminStatistics | null {
  const fields = fieldsOf(value);
  if (fields === null) return null;
  const days = perDay(fields['perDay']);
  const topRules = countedList(fields['topRules']);
  const blocksPerRule = countedList(fields['blocksPerRule']);
  const topConfirmedDomains = countedList(fields['topConfirmedDomains']);
  const confirmedBy = fieldsOf(fields['confirmedBy']);
  const approvals = fieldsOf(fields['approvals']);
  const { medianConfirmSeconds, unverifiedShare, events, capped } = fields;
  if (days === null || topRules === null || blocksPerRule === null || topConfirmedDomains === null) return null;
  if (confirmedBy === null || !isCount(confirmedBy['dialog']) || !isCount(confirmedBy['pane'])) return null;
  if (
    approvals === null ||
    !isCount(approvals['requested']) ||
    !isCount(approvals['approved']) ||
    !isCount(approvals['rejected']) ||
    !nullableNumber(approvals['medianTurnaroundMinutes'])
  )
    return null;
  if (!nullableNumber(medianConfirmSeconds) || !nullableNumber(unverifiedShare) || !isCount(events) || typeof capped !== 'boolean')
    return null;
  return {
    perDay: days,
    topRules,
    blocksPerRule,
    topConfirmedDomains,
    medianConfirmSeconds,
    confirmedBy: { dialog: confirmedBy['dialog'], pane: confirmedBy['pane'] },
    approvals: {
      requested: approvals['requested'],
      approved: approvals['approved'],
      rejected: approvals['rejected'],
      medianTurnaroundMinutes: approvals['medianTurnaroundMinutes'],
    },
    unverifiedShare,
    events,
    capped,
  };
}

/** Whether a string is one of the route's decisions or kinds (the form's choices come from these lists). */
export function isAuditDecision(value: string): value is AuditDecision {
  return (AUDIT_DECISIONS as readonly string[]).includes(value);
}

export function isAuditEventKind(value: string): value is AuditEventKind {
  return (AUDIT_EVENT_KINDS as readonly string[]).includes(value);
}
