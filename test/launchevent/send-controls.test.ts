// The organisation's controls at Send, run by the real handler with the real policy and rules against the
// typed Office fake: the hold, automatic Bcc, moving To/Cc to Bcc and the X-Preflight header, and what
// happens when any of their Office calls fails or hangs.
import { describe, expect, it } from 'vitest';
import { policyDigest } from '../../src/check/index.js';
import type { SendReport } from '../../src/launchevent/audit-report.js';
import {
  createOfficeFake,
  CONTROL_OPERATIONS,
  recipient,
  type CallBehaviour,
  type OfficeFake,
  type OfficeFakeOptions,
} from '../fakes/office-fake.js';
import { sendThrough, useHandlerRuns, type Behaviours } from './handler-run.js';

const NOW = Date.UTC(2026, 11, 6, 5, 0);
const SUPERVISOR = 'boss@example.co.jp';

const POLICY = {
  version: 1,
  internalDomains: ['example.co.jp'],
  bccSuggestThreshold: 0,
  severities: { 'external-recipient': 'info', 'attachment-to-external': 'info' },
  delaySend: { minutes: 5, when: 'external' },
  autoBcc: { addresses: [SUPERVISOR], when: 'external' },
};

useHandlerRuns();

interface Sent {
  readonly fake: OfficeFake;
  readonly options: Office.SmartAlertsEventCompletedOptions;
  /** The decisions the audit was given. */
  readonly reported: readonly string[];
}

async function send(
  policy: object,
  office: OfficeFakeOptions,
  behaviours: Behaviours = [],
  fake: OfficeFake = createOfficeFake(office),
): Promise<Sent> {
  const reports: SendReport[] = [];
  const options = await sendThrough(fake, policy, { now: () => NOW, reportSend: (report) => reports.push(report) }, behaviours);
  return { fake, options, reported: reports.map((report) => report.decision) };
}

const outside = { mail: { to: [recipient('hanako@partner.co.jp')] } } satisfies OfficeFakeOptions;

describe('a send the check lets go', () => {
  it('is held five minutes, copied to the supervisor and stamped, then allowed', async () => {
    const { fake, options } = await send(POLICY, outside);
    expect(options).toEqual({ allowEvent: true });
    expect(fake.mail.delayDeliveryMs).toBe(NOW + 5 * 60_000);
    expect(fake.mail.bcc.map((entry) => entry.emailAddress)).toEqual([SUPERVISOR]);
    const header = fake.mail.internetHeaders.get('X-Preflight') ?? '';
    expect(header).toMatch(/^v=1; decision=allow; policy=[0-9a-f]{12}; fp=[0-9a-f]{16}$/);
    expect(header).toContain(`policy=${policyDigest(POLICY)}`);
  });

  it('keeps a later delivery time the user chose', async () => {
    const later = NOW + 60 * 60_000;
    const { fake } = await send(POLICY, { mail: { ...outside.mail, delayDeliveryMs: later } });
    expect(fake.mail.delayDeliveryMs).toBe(later);
    expect(fake.calls.some((call) => call.operation === 'delayDeliveryTime.setAsync')).toBe(false);
  });

  it('leaves internal mail unheld and uncopied, but stamped', async () => {
    const { fake, options } = await send(POLICY, { mail: { to: [recipient('jiro@example.co.jp', 'user')] } });
    expect(options.allowEvent).toBe(true);
    expect(fake.mail.delayDeliveryMs).toBe(0);
    expect(fake.mail.bcc).toEqual([]);
    expect(fake.mail.internetHeaders.get('X-Preflight')).toContain('decision=allow');
  });

  it('does not hold below Mailbox 1.13, and still copies and stamps', async () => {
    const { fake, options } = await send(POLICY, { ...outside, mailbox: '1.12' });
    expect(options.allowEvent).toBe(true);
    expect(fake.calls.some((call) => call.operation.startsWith('delayDeliveryTime'))).toBe(false);
    expect(fake.mail.bcc.map((entry) => entry.emailAddress)).toEqual([SUPERVISOR]);
  });

  it('never holds, copies or stamps a meeting request', async () => {
    const { fake, options } = await send(POLICY, { meeting: true, mail: { requiredAttendees: [recipient('hanako@partner.co.jp')] } });
    expect(options.allowEvent).toBe(true);
    expect(fake.calls.map((call) => call.operation).filter((operation) => CONTROL_OPERATIONS.includes(operation))).toEqual([]);
    expect(fake.mail.internetHeaders.size).toBe(0);
  });

  it('a copy already added does not count as a new recipient on the next Send', async () => {
    const first = await send(POLICY, outside);
    const second = await send(POLICY, outside, [], first.fake);
    expect(second.options).toEqual({ allowEvent: true });
    expect(second.fake.mail.bcc.map((entry) => entry.emailAddress)).toEqual([SUPERVISOR]);
  });
});

describe('Send Anyway sends without asking the handler again', () => {
  const dialogPolicy = { ...POLICY, trustedDomains: ['partner.co.jp'], severities: {} };

  it('so the hold, the copy and the header come before the dialog, which says when it leaves', async () => {
    const { fake, options } = await send(dialogPolicy, outside);
    expect(options.sendModeOverride).toBe('promptUser');
    expect(options.errorMessage).toContain('hanako@partner.co.jp');
    expect(options.errorMessage).toMatch(/It leaves at \d\d:\d\d\./);
    expect(fake.mail.delayDeliveryMs).toBe(NOW + 5 * 60_000);
    expect(fake.mail.bcc.map((entry) => entry.emailAddress)).toEqual([SUPERVISOR]);
    expect(fake.mail.internetHeaders.get('X-Preflight')).toContain('decision=dialog-confirm');
  });

  /** Don't Send in the dialog, then the outside recipient removed: the draft goes again, internal only. */
  async function sendAgainInternalOnly(changeBetween: (fake: OfficeFake) => void = () => undefined): Promise<Sent> {
    const first = await send(dialogPolicy, outside);
    expect(first.options.sendModeOverride).toBe('promptUser');
    first.fake.mail.to = [recipient('jiro@example.co.jp', 'user')];
    changeBetween(first.fake);
    return send(dialogPolicy, outside, [], first.fake);
  }

  it('a hold it set before the dialog is taken back when the draft goes again needing none', async () => {
    const { fake, options } = await sendAgainInternalOnly();
    expect(options).toEqual({ allowEvent: true });
    expect(fake.mail.delayDeliveryMs).toBe(NOW);
  });

  it.each([{ kind: 'fail', code: 9020 } as const, { kind: 'hang' } as const])(
    'a client refusing to take the hold back ($kind) lets the internal mail go, held as before',
    async (behaviour) => {
      const first = await send(dialogPolicy, outside);
      first.fake.mail.to = [recipient('jiro@example.co.jp', 'user')];
      const { fake, options, reported } = await send(dialogPolicy, outside, [['delayDeliveryTime.setAsync', behaviour]], first.fake);
      expect(options).toEqual({ allowEvent: true });
      expect(fake.mail.delayDeliveryMs).toBe(NOW + 5 * 60_000);
      expect(reported).toEqual(['allow']);
    },
  );

  it('a delivery time the user changed after the dialog is kept', async () => {
    const later = NOW + 60 * 60_000;
    const { fake, options } = await sendAgainInternalOnly((draft) => {
      draft.mail.delayDeliveryMs = later;
    });
    expect(options).toEqual({ allowEvent: true });
    expect(fake.mail.delayDeliveryMs).toBe(later);
  });
});

describe('bccAction "move"', () => {
  const policy = {
    version: 1,
    internalDomains: ['example.co.jp'],
    bccSuggestThreshold: 2,
    bccAction: 'move',
    severities: { 'external-recipient': 'info' },
  };
  const twoCompanies = {
    mail: { to: [recipient('a@one.example'), recipient('jiro@example.co.jp', 'user')], cc: [recipient('b@two.example')] },
  };

  it('moves the outside To and Cc to Bcc, stops once to say so, and lets the next Send go', async () => {
    const first = await send(policy, twoCompanies);
    expect(first.options.allowEvent).toBe(false);
    expect(first.options.errorMessage).toContain('Outside recipients moved to Bcc so they cannot see each other (2):');
    expect(first.fake.mail.to.map((entry) => entry.emailAddress)).toEqual(['jiro@example.co.jp']);
    expect(first.fake.mail.cc).toEqual([]);
    expect(first.fake.mail.bcc.map((entry) => entry.emailAddress)).toEqual(['a@one.example', 'b@two.example']);
    // Outlook resolves the re-added addresses again; this fake reports them as "other" until told.
    first.fake.mail.bcc = first.fake.mail.bcc.map((entry) => ({ ...entry, recipientType: 'externalUser' }) as Office.EmailAddressDetails);
    const second = await send(policy, twoCompanies, [], first.fake);
    expect(second.options.errorMessage).toBeUndefined();
    expect(second.options).toEqual({ allowEvent: true });
  });

  it('follows onError when the move fails', async () => {
    const { options, fake, reported } = await send(policy, twoCompanies, [['bcc.addAsync', { kind: 'fail' }]]);
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toContain('bcc.addAsync');
    expect(fake.mail.to).toHaveLength(2);
    expect(reported).toEqual(['error-block']);
  });
});

describe('a check that fails', () => {
  it('is stamped error-allow when onError lets it go, so the mail-flow rule can tell', async () => {
    const { fake, options } = await send({ ...POLICY, onError: 'allow' }, outside, [['subject.getAsync', { kind: 'fail' }]]);
    expect(options).toEqual({ allowEvent: true });
    expect(fake.mail.internetHeaders.get('X-Preflight')).toBe('v=1; decision=error-allow');
  });

  it('still lets it go when the header cannot be set either', async () => {
    const { options } = await send({ ...POLICY, onError: 'allow' }, outside, [
      ['subject.getAsync', { kind: 'fail' }],
      ['internetHeaders.setAsync', { kind: 'hang' }],
    ]);
    expect(options).toEqual({ allowEvent: true });
  });
});

describe('when a control call fails, hangs, answers late or throws', () => {
  const behaviours: readonly CallBehaviour[] = [{ kind: 'fail', code: 9020 }, { kind: 'hang' }, { kind: 'late' }, { kind: 'throw' }];
  const cases = CONTROL_OPERATIONS.flatMap((operation) => behaviours.map((behaviour) => [operation, behaviour.kind, behaviour] as const));

  it.each(cases)('%s (%s): onError "block" stops the send once, in time', async (operation, _kind, behaviour) => {
    const { options, reported } = await send(POLICY, outside, [[operation, behaviour]]);
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toMatch(/could not be checked/);
    expect(reported).toEqual(['error-block']);
  });

  it.each(cases)('%s (%s): onError "allow" lets it go once, in time, stamped error-allow', async (operation, _kind, behaviour) => {
    const { options, reported, fake } = await send({ ...POLICY, onError: 'allow' }, outside, [[operation, behaviour]]);
    expect(options).toEqual({ allowEvent: true });
    expect(reported).toEqual(['error-allow']);
    // Not the allow header the other calls may have set: the mail-flow rule must see that a control failed.
    if (operation !== 'internetHeaders.setAsync') expect(fake.mail.internetHeaders.get('X-Preflight')).toBe('v=1; decision=error-allow');
  });
});
