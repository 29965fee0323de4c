// The figures IT shows management (docs/admin.md "Statistics"), from audit events: pure, so every
// figure is a table test.
import type { AdminStatistics, Counted } from '../../protocol/index.js';
import type { AuditEventRecord } from '../storage/records.js';

/** The figures the route answers, before it adds how many events it read (src/protocol/admin-audit.ts). */
export type AuditStatistics = Omit<AdminStatistics, 'events' | 'capped'>;

const TOP = 10;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function ranked(counts: ReadonlyMap<string, number>): Counted[] {
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((left, right) => right.count - left.count || (left.key < right.key ? -1 : 1))
    .slice(0, TOP);
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export function auditStatistics(records: readonly AuditEventRecord[]): AuditStatistics {
  const days = new Map<string, Map<string, number>>();
  const rules = new Map<string, number>();
  const blocks = new Map<string, number>();
  const domains = new Map<string, number>();
  const confirmSeconds: number[] = [];
  const turnarounds: number[] = [];
  const approvals = { requested: 0, approved: 0, rejected: 0 };
  let dialog = 0;
  let pane = 0;
  let sends = 0;
  let unverified = 0;
  for (const record of records) {
    if (record.kind === 'send') {
      sends += 1;
      if (!record.verified) unverified += 1;
      const day = new Date(record.at).toISOString().slice(0, 10);
      const decisions = days.get(day) ?? new Map<string, number>();
      days.set(day, decisions);
      bump(decisions, record.decision ?? 'unknown');
      for (const rule of Object.keys(record.rules)) {
        bump(rules, rule);
        if (record.decision === 'block') bump(blocks, rule);
      }
      if (record.decision === 'dialog-confirm') dialog += 1;
    } else if (record.kind === 'confirm') {
      pane += 1;
      if (record.confirmSeconds !== null) confirmSeconds.push(record.confirmSeconds);
      for (const domain of record.domains) bump(domains, domain);
    } else if (record.kind === 'approval-request') {
      approvals.requested += 1;
    } else if (record.kind === 'approval-decision') {
      if (record.decision === 'approved') approvals.approved += 1;
      if (record.decision === 'rejected') approvals.rejected += 1;
      if (record.durationMs !== null) turnarounds.push(record.durationMs / 60_000);
    }
  }
  const turnaround = median(turnarounds);
  return {
    perDay: [...days]
      .sort(([left], [right]) => (left < right ? -1 : 1))
      .map(([day, decisions]) => ({ day, decisions: Object.fromEntries(decisions) })),
    topRules: ranked(rules),
    blocksPerRule: ranked(blocks),
    topConfirmedDomains: ranked(domains),
    medianConfirmSeconds: median(confirmSeconds),
    confirmedBy: { dialog, pane },
    approvals: { ...approvals, medianTurnaroundMinutes: turnaround === null ? null : Math.round(turnaround * 10) / 10 },
    unverifiedShare: sends === 0 ? null : unverified / sends,
  };
}
