// The statistics IT shows management, from audit events (docs/admin.md "Statistics").
import { describe, expect, it } from 'vitest';
import { auditStatistics } from '../../../src/server/audit/audit-statistics.js';
import type { AuditEventRecord } from '../../../src/server/storage/records.js';

function event(overrides: Partial<AuditEventRecord>): AuditEventRecord {
  return {
    at: Date.UTC(2026, 11, 5, 9),
    receivedAt: Date.UTC(2026, 11, 5, 9),
    userId: 'u1',
    user: 'taro@example.co.jp',
    verified: true,
    kind: 'send',
    platform: 'OfficeOnline',
    mailbox: '1.15',
    policy: '0123456789ab',
    decision: 'allow',
    rules: {},
    domains: [],
    durationMs: 50,
    confirmSeconds: null,
    ...overrides,
  };
}

const DAY6 = Date.UTC(2026, 11, 6, 23, 59);

describe('auditStatistics', () => {
  it('counts checks per day by decision, the rules that fire and block, how mail was confirmed and approvals', () => {
    const stats = auditStatistics([
      event({ decision: 'allow' }),
      event({ decision: 'review', rules: { 'external-recipient': 2, 'personal-data': 1 }, verified: false }),
      event({ at: DAY6, decision: 'block', rules: { 'lookalike-domain': 1, 'external-recipient': 1 } }),
      event({ at: DAY6, decision: 'dialog-confirm', rules: { 'external-recipient': 1 } }),
      event({ kind: 'confirm', decision: 'confirm', confirmSeconds: 4, domains: ['partner.co.jp', 'other.example'] }),
      event({ kind: 'confirm', decision: 'confirm', confirmSeconds: 10, domains: ['partner.co.jp'] }),
      event({ kind: 'confirm', decision: 'confirm', confirmSeconds: 30, domains: [] }),
      event({ kind: 'approval-request', decision: 'requested' }),
      event({ kind: 'approval-request', decision: 'requested' }),
      event({ kind: 'approval-decision', decision: 'approved', durationMs: 30 * 60_000 }),
      event({ kind: 'approval-decision', decision: 'rejected', durationMs: 90 * 60_000 }),
    ]);
    expect(stats.perDay).toEqual([
      { day: '2026-12-05', decisions: { allow: 1, review: 1 } },
      { day: '2026-12-06', decisions: { block: 1, 'dialog-confirm': 1 } },
    ]);
    expect(stats.topRules).toEqual([
      { key: 'external-recipient', count: 3 },
      { key: 'lookalike-domain', count: 1 },
      { key: 'personal-data', count: 1 },
    ]);
    expect(stats.blocksPerRule).toEqual([
      { key: 'external-recipient', count: 1 },
      { key: 'lookalike-domain', count: 1 },
    ]);
    expect(stats.topConfirmedDomains).toEqual([
      { key: 'partner.co.jp', count: 2 },
      { key: 'other.example', count: 1 },
    ]);
    expect(stats.medianConfirmSeconds).toBe(10);
    expect(stats.confirmedBy).toEqual({ dialog: 1, pane: 3 });
    expect(stats.approvals).toEqual({ requested: 2, approved: 1, rejected: 1, medianTurnaroundMinutes: 60 });
    expect(stats.unverifiedShare).toBe(0.25);
  });

  it('has no medians and no share without events', () => {
    expect(auditStatistics([])).toMatchObject({
      perDay: [],
      medianConfirmSeconds: null,
      unverifiedShare: null,
      approvals: { medianTurnaroundMinutes: null },
    });
  });
});
