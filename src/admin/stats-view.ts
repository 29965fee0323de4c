// The statistics as the page shows them: each chart's series and the table that says the same in text
// (for screen readers and the tests), in the viewer's language, rule ids by the pane's names.
import type { AdminStatistics, Counted } from '../protocol/index.js';
import type { AdminText } from './admin-text.js';

export interface NamedCount {
  readonly name: string;
  readonly count: number;
}

export interface DayRow {
  readonly day: string;
  /** One count per decision in `StatsView.decisions`, in that order. */
  readonly counts: readonly number[];
  readonly total: number;
}

export interface Figure {
  readonly label: string;
  readonly value: string;
  readonly testId: string;
}

export interface StatsView {
  /** Decision codes present in the range, in the route's order of first appearance. */
  readonly decisions: readonly { readonly code: string; readonly name: string }[];
  readonly days: readonly DayRow[];
  readonly topRules: readonly NamedCount[];
  readonly blocksPerRule: readonly NamedCount[];
  readonly domains: readonly NamedCount[];
  readonly confirmedBy: readonly NamedCount[];
  readonly figures: readonly Figure[];
}

function named(list: readonly Counted[], name: (key: string) => string): NamedCount[] {
  return list.map(({ key, count }) => ({ name: name(key), count }));
}

export function statsView(stats: AdminStatistics, text: AdminText): StatsView {
  const codes: string[] = [];
  for (const { decisions } of stats.perDay) for (const code of Object.keys(decisions)) if (!codes.includes(code)) codes.push(code);
  const days = stats.perDay.map(({ day, decisions }) => {
    const counts = codes.map((code) => decisions[code] ?? 0);
    return { day, counts, total: counts.reduce((sum, count) => sum + count, 0) };
  });
  const missing = text('admin.stats.notAvailable');
  const { approvals } = stats;
  return {
    decisions: codes.map((code) => ({ code, name: text.label('admin.decision', code) })),
    days,
    topRules: named(stats.topRules, text.ruleName),
    blocksPerRule: named(stats.blocksPerRule, text.ruleName),
    domains: named(stats.topConfirmedDomains, (domain) => domain),
    confirmedBy: [
      { name: text('admin.stats.dialog'), count: stats.confirmedBy.dialog },
      { name: text('admin.stats.pane'), count: stats.confirmedBy.pane },
    ],
    figures: [
      {
        label: text('admin.stats.medianConfirm'),
        value: stats.medianConfirmSeconds === null ? missing : text.number(stats.medianConfirmSeconds),
        testId: 'stats-median-confirm',
      },
      { label: text('admin.stats.requested'), value: text.number(approvals.requested), testId: 'stats-approvals-requested' },
      { label: text('admin.stats.approved'), value: text.number(approvals.approved), testId: 'stats-approvals-approved' },
      { label: text('admin.stats.rejected'), value: text.number(approvals.rejected), testId: 'stats-approvals-rejected' },
      {
        label: text('admin.stats.medianTurnaround'),
        value: approvals.medianTurnaroundMinutes === null ? missing : text.number(approvals.medianTurnaroundMinutes),
        testId: 'stats-approvals-turnaround',
      },
      {
        label: text('admin.stats.unverifiedShare'),
        value: stats.unverifiedShare === null ? missing : `${text.number(stats.unverifiedShare * 100)}%`,
        testId: 'stats-unverified-share',
      },
    ],
  };
}
