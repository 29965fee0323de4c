import { describe, expect, it } from 'vitest';
import { planSend, type Check, type HostAbilities } from '../../src/check/index.js';
import { summarizeMessage } from '../../src/inspect/message-summary.js';
import { evaluate, parsePolicy, type ApprovalGrant, type MessageSnapshot } from '../../src/policy/index.js';

const OUTLOOK_115: HostAbilities = { promptUser: true, openPane: true, delayDelivery: true };

function check(document: object, snapshot: MessageSnapshot, confirmed = false, approval: ApprovalGrant | null = null): Check {
  const parsed = parsePolicy({ version: 1, internalDomains: ['example.co.jp'], ...document });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const verdict = evaluate(snapshot, parsed.policy, { ...(approval === null ? {} : { approval }) });
  return {
    policy: parsed.policy,
    policyDocument: document,
    policySource: 'server',
    snapshot,
    inspection: summarizeMessage(snapshot, []),
    inspectionNotSaved: false,
    protection: null,
    verdict,
    history: null,
    approvalFingerprint: null,
    approval,
    confirmedFingerprint: confirmed ? verdict.fingerprint : null,
    confirmed: confirmed && verdict.decision === 'confirm',
  };
}

function message(to: string[], extra: Partial<MessageSnapshot> = {}): MessageSnapshot {
  return { to: to.map((address) => ({ address })), cc: [], bcc: [], subject: '', body: '', attachments: [], ...extra };
}

const CONTROLS = { delaySend: { minutes: 5 }, autoBcc: { addresses: ['boss@example.co.jp'] } };
const TWO_COMPANIES = message(['a@one.example', 'b@two.example']);

describe('planSend', () => {
  it('lets clean mail go with the controls it gets', () => {
    const plan = planSend(check(CONTROLS, message(['jiro@example.co.jp'])), OUTLOOK_115);
    expect(plan).toEqual({ kind: 'allow', because: 'clean', controls: { delayMinutes: 0, addBcc: [] } });
  });

  it('lets confirmed mail go held and copied', () => {
    const plan = planSend(check(CONTROLS, message(['hanako@partner.co.jp']), true), OUTLOOK_115);
    expect(plan).toEqual({ kind: 'allow', because: 'confirmed', controls: { delayMinutes: 5, addBcc: ['boss@example.co.jp'] } });
  });

  it('drops the hold where the client cannot hold (below Mailbox 1.13), keeps the copy', () => {
    const plan = planSend(check(CONTROLS, message(['hanako@partner.co.jp']), true), { ...OUTLOOK_115, delayDelivery: false });
    expect(plan).toMatchObject({ kind: 'allow', controls: { delayMinutes: 0, addBcc: ['boss@example.co.jp'] } });
  });

  it('carries the controls into the dialog, since Send Anyway does not ask again', () => {
    const plan = planSend(check({ ...CONTROLS, trustedDomains: ['partner.co.jp'] }, message(['hanako@partner.co.jp'])), OUTLOOK_115);
    expect(plan).toEqual({
      kind: 'dialog-confirm',
      addresses: ['hanako@partner.co.jp'],
      controls: { delayMinutes: 5, addBcc: ['boss@example.co.jp'] },
    });
  });

  it('asks for approval when only approval is missing, blocks when anything else blocks too', () => {
    const document = { approval: { defaultApprovers: ['boss@example.co.jp'] }, blockedRecipients: ['rival.example'] };
    expect(planSend(check(document, message(['hanako@partner.co.jp'])), OUTLOOK_115)).toEqual({ kind: 'approval' });
    expect(planSend(check(document, message(['hanako@partner.co.jp', 'x@rival.example'])), OUTLOOK_115)).toEqual({ kind: 'block' });
    const approved = check(document, message(['hanako@partner.co.jp']), false, { approver: 'boss@example.co.jp' });
    expect(planSend(approved, OUTLOOK_115).kind).toBe('review');
    expect(planSend({ ...approved, confirmed: true }, OUTLOOK_115).kind).toBe('allow');
  });

  it('moves outside domains to Bcc before anything is confirmed, with bccAction "move"', () => {
    const document = { bccSuggestThreshold: 2, bccAction: 'move' };
    expect(planSend(check(document, TWO_COMPANIES), OUTLOOK_115)).toEqual({
      kind: 'move-to-bcc',
      addresses: ['a@one.example', 'b@two.example'],
    });
    expect(planSend(check(document, TWO_COMPANIES, true), OUTLOOK_115).kind).toBe('move-to-bcc');
    expect(planSend(check({ bccSuggestThreshold: 2 }, TWO_COMPANIES), OUTLOOK_115).kind).toBe('review');
  });

  it('never moves on a meeting request, and a block stays a block', () => {
    expect(planSend(check({ bccSuggestThreshold: 2, bccAction: 'move' }, { ...TWO_COMPANIES, kind: 'meeting' }), OUTLOOK_115).kind).toBe(
      'review',
    );
    const blocked = check({ bccSuggestThreshold: 2, bccAction: 'move', blockedRecipients: ['two.example'] }, TWO_COMPANIES);
    expect(planSend(blocked, OUTLOOK_115)).toEqual({ kind: 'block' });
  });
});

describe('bccAction "move" in the checklist', () => {
  it('asks for no tick on what the handler will move, and says so', () => {
    const moving = check({ bccSuggestThreshold: 2, bccAction: 'move' }, TWO_COMPANIES);
    expect(moving.verdict.checklist.map((item) => item.id)).toEqual(['recipient:to:a@one.example', 'recipient:to:b@two.example']);
    expect(moving.verdict.findings.find((finding) => finding.rule === 'many-domains-visible')?.messageKey).toBe(
      'finding.many-domains-visible.move',
    );
    const suggesting = check({ bccSuggestThreshold: 2 }, TWO_COMPANIES);
    expect(suggesting.verdict.checklist.map((item) => item.id)).toContain('finding:many-domains-visible:to-cc');
  });
});
