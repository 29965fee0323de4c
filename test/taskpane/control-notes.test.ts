import { describe, expect, it } from 'vitest';
import { evaluate, parsePolicy, type MessageSnapshot, type Policy } from '../../src/policy/index.js';
import { controlNotes } from '../../src/taskpane/control-notes.js';
import { buildReviewModel } from '../../src/taskpane/review-model.js';
import type { Review } from '../../src/taskpane/review-session.js';

function policy(document: object): Policy {
  const parsed = parsePolicy({ version: 1, internalDomains: ['example.co.jp'], ...document });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.policy;
}

function review(snapshot: MessageSnapshot, document: object): Review {
  const parsed = policy(document);
  const verdict = evaluate(snapshot, parsed, {});
  return {
    policy: parsed,
    policyDocument: document,
    policySource: 'server',
    snapshot,
    verdict,
    model: buildReviewModel(snapshot, verdict, parsed),
    inspectionNotSaved: false,
    approvalFingerprint: null,
    approval: null,
  };
}

const OUTSIDE: MessageSnapshot = { to: [{ address: 'hanako@partner.co.jp' }], cc: [], bcc: [], subject: '', body: '', attachments: [] };
const CONTROLS = { delaySend: { minutes: 5 }, autoBcc: { addresses: ['boss@example.co.jp'] } };

describe('controlNotes', () => {
  it('tells of the copy and the hold for outside mail', () => {
    expect(controlNotes(review(OUTSIDE, CONTROLS), { canHoldDelivery: true })).toEqual({
      bcc: ['boss@example.co.jp'],
      holdMinutes: 5,
      holdUnavailable: false,
    });
  });

  it('still names the copy once the handler has added it', () => {
    const sent = { ...OUTSIDE, bcc: [{ address: 'boss@example.co.jp' }] };
    expect(controlNotes(review(sent, CONTROLS), { canHoldDelivery: true })?.bcc).toEqual(['boss@example.co.jp']);
  });

  it('says plainly when this Outlook cannot hold the message', () => {
    expect(controlNotes(review(OUTSIDE, CONTROLS), { canHoldDelivery: false })).toEqual({
      bcc: ['boss@example.co.jp'],
      holdMinutes: 0,
      holdUnavailable: true,
    });
  });

  it('has nothing to say for internal mail, a meeting, or a policy without controls', () => {
    const internal = { ...OUTSIDE, to: [{ address: 'jiro@example.co.jp' }] };
    expect(controlNotes(review(internal, CONTROLS), { canHoldDelivery: true })).toBeNull();
    expect(controlNotes(review({ ...OUTSIDE, kind: 'meeting' }, CONTROLS), { canHoldDelivery: true })).toBeNull();
    expect(controlNotes(review(OUTSIDE, {}), { canHoldDelivery: true })).toBeNull();
  });
});
