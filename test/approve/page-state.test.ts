import { describe, expect, it } from 'vitest';
import { pageText } from '../../src/approve/page-text.js';
import { decisionOpen, decisionRefusal, statusLine, type PageState } from '../../src/approve/page-state.js';
import { requestIdOf } from '../../src/approve/request-id.js';
import type { ApprovalRequestView } from '../../src/protocol/index.js';

const REQUEST: ApprovalRequestView = {
  id: 'Zx9_abc-DEF12345',
  status: 'pending',
  sender: 'taro@example.co.jp',
  approvers: ['boss@example.co.jp'],
  fingerprint: 'a1b2c3d4',
  summary: { rules: [], outsideDomains: [], attachments: [] },
  createdAt: '2026-12-01T09:00:00.000Z',
  expiresAt: '2026-12-02T09:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  comment: null,
  hasContent: true,
};

function ready(overrides: Partial<Extract<PageState, { phase: 'ready' }>> = {}): PageState {
  return { phase: 'ready', request: REQUEST, message: { kind: 'loading' }, decision: { kind: 'idle' }, ...overrides };
}

describe('decisionOpen', () => {
  it('offers the buttons on a pending request, also when the message is gone', () => {
    expect(decisionOpen(ready())).toBe(true);
    expect(decisionOpen(ready({ message: { kind: 'absent', problem: { kind: 'shredded' } } }))).toBe(true);
    expect(decisionOpen(ready({ decision: { kind: 'refused', decision: 'approve', problem: { kind: 'network' } } }))).toBe(true);
  });

  it('never to the sender or a stranger, nor once decided or expired', () => {
    expect(decisionOpen(ready({ message: { kind: 'absent', problem: { kind: 'sender' } } }))).toBe(false);
    expect(decisionOpen(ready({ message: { kind: 'absent', problem: { kind: 'not-approver' } } }))).toBe(false);
    expect(decisionOpen(ready({ decision: { kind: 'done', decision: 'approve' } }))).toBe(false);
    expect(decisionOpen(ready({ request: { ...REQUEST, status: 'rejected' } }))).toBe(false);
    expect(decisionOpen(ready({ request: { ...REQUEST, status: 'expired' } }))).toBe(false);
    expect(decisionOpen({ phase: 'loading' })).toBe(false);
  });
});

describe('decisionRefusal', () => {
  it('needs a comment to reject, not to approve', () => {
    expect(decisionRefusal('reject', '  \n ')).toBe('approve.decision.commentRequired');
    expect(decisionRefusal('reject', '宛先が違います')).toBeNull();
    expect(decisionRefusal('approve', '')).toBeNull();
  });
});

describe('statusLine', () => {
  const en = pageText('en', 'UTC');
  const ja = pageText('ja', 'Asia/Tokyo');

  it('says who decided and when, in the reader’s language', () => {
    const rejected = {
      ...REQUEST,
      status: 'rejected' as const,
      decidedBy: 'boss@example.co.jp',
      decidedAt: '2026-12-01T10:30:00.000Z',
      comment: 'No',
    };
    expect(statusLine(rejected, en)).toBe('Rejected by boss@example.co.jp at 1 Dec 2026, 10:30');
    expect(statusLine(rejected, ja)).toBe('boss@example.co.jp さんが 2026/12/01 19:30 に却下しました');
    expect(statusLine({ ...rejected, status: 'approved' }, en)).toBe('Approved by boss@example.co.jp at 1 Dec 2026, 10:30');
  });

  it('says pending, and when an expired request ran out', () => {
    expect(statusLine(REQUEST, en)).toBe('Waiting for a decision');
    expect(statusLine({ ...REQUEST, status: 'expired' }, en)).toBe('Expired at 2 Dec 2026, 09:00: the sender must ask again');
  });
});

describe('pageText', () => {
  it('names rules the pane has names for, and shows any other rule by its id', () => {
    expect(pageText('ja').ruleName('external-recipient')).toBe('社外の宛先');
    expect(pageText('en').ruleName('custom-rule-7')).toBe('custom-rule-7');
  });
});

describe('requestIdOf', () => {
  it('reads the id from /approve/<id>, and nothing from the sign-in return address', () => {
    expect(requestIdOf('/approve/Zx9_abc-DEF12345')).toBe('Zx9_abc-DEF12345');
    expect(requestIdOf('/approve/Zx9_abc-DEF12345/')).toBe('Zx9_abc-DEF12345');
    expect(requestIdOf('/approve/')).toBe('');
    expect(requestIdOf('/approve/%E0%A4%A')).toBe('');
    expect(requestIdOf('/other/abc')).toBe('');
  });
});
