// The console's filters as query strings, and the admin audit routes' answers read strictly.
import { describe, expect, it } from 'vitest';
import { auditQuery, parseAdminAuditEvents, parseAdminStatistics } from '../../src/protocol/index.js';

const EVENT = {
  at: '2026-12-05T08:00:00.000Z',
  user: 'sales@example.co.jp',
  verified: false,
  kind: 'send',
  platform: 'PC',
  mailbox: '1.13',
  policy: null,
  decision: 'review',
  rules: { 'external-recipient': 1 },
  domains: [],
  durationMs: null,
  confirmSeconds: null,
};

const STATS = {
  perDay: [{ day: '2026-12-04', decisions: { block: 1 } }],
  topRules: [{ key: 'keyword', count: 1 }],
  blocksPerRule: [],
  topConfirmedDomains: [],
  medianConfirmSeconds: null,
  confirmedBy: { dialog: 0, pane: 0 },
  approvals: { requested: 0, approved: 0, rejected: 0, medianTurnaroundMinutes: null },
  unverifiedShare: 0.5,
  events: 2,
  capped: false,
};

describe('auditQuery', () => {
  it.each([
    [{}, 'json', 'format=json'],
    [{ limit: 500 }, 'csv', 'limit=500&format=csv'],
    [
      { user: '  a+b@example.co.jp ', decision: 'block', rule: '', kind: 'send' },
      'jsonl',
      'user=a%2Bb%40example.co.jp&decision=block&kind=send&format=jsonl',
    ],
    [
      { from: '2026-12-04T00:00:00.000Z', to: '2026-12-05T00:00:00.000Z' },
      undefined,
      'from=2026-12-04T00%3A00%3A00.000Z&to=2026-12-05T00%3A00%3A00.000Z',
    ],
  ] as const)('%j as %s → %s', (filter, format, query) => {
    expect(auditQuery(filter, format)).toBe(query);
  });
});

describe('parseAdminAuditEvents', () => {
  it('reads the events', () => {
    expect(parseAdminAuditEvents({ events: [EVENT] })).toEqual([EVENT]);
  });

  it.each([
    ['no list', {}],
    ['a verified flag that is not a boolean', { events: [{ ...EVENT, verified: 'no' }] }],
    ['a negative count', { events: [{ ...EVENT, rules: { keyword: -1 } }] }],
    ['a domain that is not text', { events: [{ ...EVENT, domains: [1] }] }],
  ])('refuses %s', (_name, answer) => {
    expect(parseAdminAuditEvents(answer)).toBeNull();
  });
});

describe('parseAdminStatistics', () => {
  it('reads the figures', () => {
    expect(parseAdminStatistics(STATS)).toEqual(STATS);
  });

  it.each([
    ['without capped', { ...STATS, capped: undefined }],
    ['with a day without decisions', { ...STATS, perDay: [{ day: '2026-12-04' }] }],
    ['with a ranked entry without a count', { ...STATS, topRules: [{ key: 'keyword' }] }],
    ['with approvals missing a figure', { ...STATS, approvals: { requested: 1 } }],
  ])('refuses an answer %s', (_name, answer) => {
    expect(parseAdminStatistics(answer)).toBeNull();
  });
});
