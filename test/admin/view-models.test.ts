// What the audit table and the statistics show for the API's answers, in both languages.
import { describe, expect, it } from 'vitest';
import { adminText } from '../../src/admin/admin-text.js';
import { auditRow } from '../../src/admin/audit-rows.js';
import { pathOf, tabOf } from '../../src/admin/console-tabs.js';
import { statsView } from '../../src/admin/stats-view.js';
import type { AdminAuditEvent, AdminStatistics } from '../../src/protocol/index.js';

const EVENT: AdminAuditEvent = {
  at: '2026-12-04T10:00:00.000Z',
  user: 'taro@example.co.jp',
  verified: true,
  kind: 'send',
  platform: 'OfficeOnline',
  mailbox: '1.15',
  policy: 'a1b2c3d4e5f6',
  decision: 'block',
  rules: { keyword: 1, 'external-recipient': 2, 'custom-rule': 1 },
  domains: [],
  durationMs: 1200,
  confirmSeconds: null,
};

const STATS: AdminStatistics = {
  perDay: [
    { day: '2026-12-04', decisions: { block: 1, allow: 3 } },
    { day: '2026-12-05', decisions: { review: 2 } },
  ],
  topRules: [{ key: 'external-recipient', count: 3 }],
  blocksPerRule: [],
  topConfirmedDomains: [{ key: 'c2f1e0', count: 2 }],
  medianConfirmSeconds: 12.25,
  confirmedBy: { dialog: 1, pane: 2 },
  approvals: { requested: 3, approved: 2, rejected: 1, medianTurnaroundMinutes: null },
  unverifiedShare: 0.25,
  events: 9,
  capped: false,
};

describe('auditRow', () => {
  it('names everything in English, rules by the pane’s names, most findings first', () => {
    const row = auditRow(EVENT, adminText('en', 'Asia/Tokyo'));
    expect(row).toEqual({
      time: '4 Dec 2026, 19:00',
      user: 'taro@example.co.jp',
      verified: true,
      kind: 'Send',
      decision: 'Blocked',
      rules: ['Outside recipient × 2', 'custom-rule × 1', 'Keyword × 1'],
      client: 'OfficeOnline, Mailbox 1.15',
      durations: ['1,200 ms'],
    });
  });

  it('names everything in Japanese, in the viewer’s time zone', () => {
    const row = auditRow({ ...EVENT, mailbox: '', decision: null, durationMs: null, confirmSeconds: 8 }, adminText('ja', 'Asia/Tokyo'));
    expect(row.time).toBe('2026/12/04 19:00');
    expect(row.kind).toBe('送信');
    expect(row.decision).toBe('—');
    expect(row.client).toBe('OfficeOnline');
    expect(row.durations).toEqual(['確認まで 8 秒']);
  });
});

describe('statsView', () => {
  it('lines the days up under every decision that occurs, and says the figures in words', () => {
    const view = statsView(STATS, adminText('en'));
    expect(view.decisions).toEqual([
      { code: 'block', name: 'Blocked' },
      { code: 'allow', name: 'Allowed' },
      { code: 'review', name: 'Sent to review' },
    ]);
    expect(view.days).toEqual([
      { day: '2026-12-04', counts: [1, 3, 0], total: 4 },
      { day: '2026-12-05', counts: [0, 0, 2], total: 2 },
    ]);
    expect(view.topRules).toEqual([{ name: 'Outside recipient', count: 3 }]);
    expect(view.domains).toEqual([{ name: 'c2f1e0', count: 2 }]);
    expect(view.confirmedBy).toEqual([
      { name: 'Send Anyway in the dialog', count: 1 },
      { name: 'Ticks in the pane', count: 2 },
    ]);
    expect(Object.fromEntries(view.figures.map((figure) => [figure.testId, figure.value]))).toEqual({
      'stats-median-confirm': '12.3',
      'stats-approvals-requested': '3',
      'stats-approvals-approved': '2',
      'stats-approvals-rejected': '1',
      'stats-approvals-turnaround': '—',
      'stats-unverified-share': '25%',
    });
  });
});

describe('console tabs', () => {
  it.each([
    ['/admin/', 'audit'],
    ['/admin', 'audit'],
    ['/admin/statistics', 'stats'],
    ['/admin/statistics/', 'stats'],
    ['/admin/policy', 'policy'],
    ['/admin/unknown', 'audit'],
  ] as const)('%s opens %s', (path, tab) => {
    expect(tabOf(path)).toBe(tab);
    expect(tabOf(pathOf(tab))).toBe(tab);
  });
});
