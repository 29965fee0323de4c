// Mailing the approvers through a relay that answers slowly or refuses one of them.
import { afterEach, describe, expect, it } from 'vitest';
import { createApproval, MAIL_CONCURRENCY, type ApprovalContext } from '../../../src/server/approvals/approval-operations.js';
import type { ApprovalMailer } from '../../../src/server/mail/approval-mailer.js';
import { DEV_TOKEN, startApprovalApp, type ApprovalApp } from './approval-app.js';

const APPROVERS = ['boss@example.co.jp', 'deputy@example.co.jp', 'head@example.co.jp', 'legal@example.co.jp'];
/** Long enough for every mail of a concurrent send to arrive on a busy machine, short enough for the test. */
const HOLD_MS = 3_000;

let harness: ApprovalApp | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function create(app: ApprovalApp): Promise<{ status: number; json: unknown }> {
  return app.call('POST', '/api/approvals', DEV_TOKEN, {
    fingerprint: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    approvers: APPROVERS,
    expiresHours: 24,
    includeContent: false,
  });
}

/**
 * A relay that keeps each message unanswered until every approver's message is waiting, or HOLD_MS has
 * passed; it counts the most it held at once.
 */
function slowRelay(expected: number): { answer: (to: string) => Promise<void>; mostHeldAtOnce: () => number } {
  const held = new Set<() => void>();
  let most = 0;
  return {
    answer: () =>
      new Promise<void>((resolve) => {
        const release = (): void => {
          held.delete(release);
          resolve();
        };
        held.add(release);
        most = Math.max(most, held.size);
        if (held.size === expected) for (const waiting of [...held]) waiting();
        else setTimeout(release, HOLD_MS);
      }),
    mostHeldAtOnce: () => most,
  };
}

describe('mailing the approvers', () => {
  it('sends four mails at once, so a slow relay costs one round trip for them, not one per approver', async () => {
    const relay = slowRelay(APPROVERS.length);
    harness = await startApprovalApp({ relayAnswer: relay.answer });
    const created = await create(harness);
    expect([created.status, created.json]).toEqual([201, expect.objectContaining({ mailed: true })]);
    expect(relay.mostHeldAtOnce()).toBe(APPROVERS.length);
    expect(harness.mails.map((mail) => mail.to).sort()).toEqual([...APPROVERS].sort());
  });

  it('still creates the request and mails the others when the relay refuses one approver', async () => {
    harness = await startApprovalApp({
      relayAnswer: async (to) => {
        if (to === 'deputy@example.co.jp') throw new Error('mailbox unavailable');
      },
    });
    const created = await create(harness);
    expect([created.status, created.json]).toEqual([201, expect.objectContaining({ mailed: false, status: 'pending' })]);
    expect(harness.mails.map((mail) => mail.to).sort()).toEqual(APPROVERS.filter((to) => to !== 'deputy@example.co.jp').sort());
    expect(harness.logs.filter((record) => record.msg === 'Approval mail could not be sent')).toHaveLength(1);
  });

  it(`keeps at most ${MAIL_CONCURRENCY} mails in flight, and still sends every one`, async () => {
    const mailer = countingMailer();
    const created = await createTen(mailer);
    expect(created).toMatchObject({ ok: true, value: { mailed: true } });
    expect(mailer.mostInFlight()).toBe(MAIL_CONCURRENCY);
    expect(mailer.sent.sort()).toEqual([...TEN].sort());
  });

  it('mails the other nine and warns once when one of ten fails, the request standing', async () => {
    const mailer = countingMailer(TEN[5]);
    const created = await createTen(mailer);
    expect(created).toMatchObject({ ok: true, value: { mailed: false, status: 'pending' } });
    expect(mailer.mostInFlight()).toBe(MAIL_CONCURRENCY);
    expect(mailer.sent.sort()).toEqual(TEN.filter((to) => to !== TEN[5]).sort());
    expect(mailer.warnings).toEqual(['Approval mail could not be sent']);
  });
});

const TEN = Array.from({ length: 10 }, (_, index) => `approver${index}@example.co.jp`);

/** A mailer that answers each mail on a later turn, so every send started together is in flight at once. */
function countingMailer(refuse?: string): ApprovalMailer & {
  sent: string[];
  warnings: string[];
  mostInFlight(): number;
} {
  let inFlight = 0;
  let most = 0;
  return {
    sent: [],
    warnings: [],
    mostInFlight: () => most,
    async send(mail) {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (mail.to === refuse) throw new Error('mailbox unavailable');
        this.sent.push(mail.to);
      } finally {
        inFlight -= 1;
      }
    },
    close: () => undefined,
  };
}

/** Ten approvers through the app's own approval context, its mailer and log replaced. */
async function createTen(mailer: ReturnType<typeof countingMailer>): ReturnType<typeof createApproval> {
  harness = await startApprovalApp({ smtp: false });
  const approvals = harness.app.approvals;
  if (approvals === undefined) throw new Error('approvals are not configured');
  const context: ApprovalContext = {
    ...approvals.context,
    mailer,
    log: { warn: (_details, message) => mailer.warnings.push(message) },
  };
  return createApproval(
    context,
    { id: 'tenant/sender', tenantId: 'tenant', email: 'sender@example.co.jp', isAdmin: false },
    {
      fingerprint: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      approvers: TEN,
      expiresHours: 24,
      includeContent: false,
    },
  );
}
