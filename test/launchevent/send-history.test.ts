// The sender's history of outside addresses at Send, run by the real handler with the real policy and rules
// against the typed Office fake: read from the roaming settings, recorded only when the mail is allowed to
// go, and every failure of the roaming settings leaves the send as the check decided, completed once in time.
import { describe, expect, it } from 'vitest';
import { HISTORY_SETTING } from '../../src/office/index.js';
import {
  decodeHistory,
  emptyHistory,
  encodeHistory,
  evaluate,
  historyDay,
  recordRecipients,
  type EvaluationContext,
  type MessageSnapshot,
  type Policy,
  type Verdict,
} from '../../src/policy/index.js';
import { historyStanding } from '../../src/policy/history/recipient-history.js';
import { createOfficeFake, recipient, type CallBehaviour, type OfficeFake, type OfficeFakeOptions } from '../fakes/office-fake.js';
import { sendThrough, useHandlerRuns, type Behaviours } from './handler-run.js';

const NOW = Date.UTC(2026, 11, 7, 3, 0);

/** Outside recipients need no tick of their own here, so a first-time recipient is what stops the send. */
const POLICY = {
  version: 1,
  internalDomains: ['example.co.jp'],
  severities: { 'external-recipient': 'info', 'attachment-to-external': 'info' },
};
/** The same, with first-time recipients shown only: every send is allowed and so recorded. */
const RECORDING = { ...POLICY, severities: { ...POLICY.severities, 'first-time-recipient': 'info' } };

useHandlerRuns();

interface Sent {
  readonly fake: OfficeFake;
  readonly options: Office.SmartAlertsEventCompletedOptions;
  readonly verdict: Verdict;
}

async function send(policy: object, office: OfficeFakeOptions, behaviours: Behaviours = []): Promise<Sent> {
  const fake = createOfficeFake(office);
  const verdicts: Verdict[] = [];
  const evaluateAndKeep = (snapshot: MessageSnapshot, parsed: Policy, context: EvaluationContext): Verdict => {
    const verdict = evaluate(snapshot, parsed, context);
    verdicts.push(verdict);
    return verdict;
  };
  const options = await sendThrough(fake, policy, { now: () => NOW, evaluate: evaluateAndKeep }, behaviours);
  expect(verdicts.length).toBeGreaterThan(0);
  return { fake, options, verdict: verdicts[verdicts.length - 1]! };
}

function mailTo(...addresses: string[]): OfficeFakeOptions['mail'] {
  return { to: addresses.map((address) => recipient(address)) };
}

function firstTimeAddresses(verdict: Verdict): unknown[] {
  return verdict.findings.filter((finding) => finding.rule === 'first-time-recipient').map((finding) => finding.params['address']);
}

function savedHistory(fake: OfficeFake) {
  const decoded = decodeHistory(fake.savedRoamingSettings.get(HISTORY_SETTING));
  if (!decoded.ok) throw new Error(decoded.problem);
  return decoded.history;
}

describe('a mail allowed to go', () => {
  it('records its outside addresses, and the next mail to them is no longer first-time', async () => {
    const first = await send(RECORDING, { mail: mailTo('hanako@partner.co.jp', 'me@example.co.jp'), roamingSettings: {} });
    expect(first.options).toEqual({ allowEvent: true });
    expect(firstTimeAddresses(first.verdict)).toEqual(['hanako@partner.co.jp']);
    const history = savedHistory(first.fake);
    expect(history.entries).toHaveLength(1);
    expect(historyStanding(history, 'hanako@partner.co.jp')).toBe('known');
    expect(historyStanding(history, 'me@example.co.jp')).toBe('new');
    // No address is stored, only digests.
    expect(String(first.fake.savedRoamingSettings.get(HISTORY_SETTING))).not.toContain('partner');

    const stored = Object.fromEntries(first.fake.savedRoamingSettings);
    const second = await send(POLICY, { mail: mailTo('hanako@partner.co.jp'), roamingSettings: stored });
    expect(second.options).toEqual({ allowEvent: true });
    expect(firstTimeAddresses(second.verdict)).toEqual([]);
    // The same people on the same day change nothing: no round trip.
    expect(second.fake.calls.some((call) => call.operation === 'roamingSettings.saveAsync')).toBe(false);
  });

  it('names the nearest known address for a new one at a known domain', async () => {
    const first = await send(RECORDING, { mail: mailTo('tanaka.k@partner.co.jp'), roamingSettings: {} });
    const second = await send(POLICY, {
      mail: mailTo('tanaka@partner.co.jp'),
      roamingSettings: Object.fromEntries(first.fake.savedRoamingSettings),
    });
    expect(second.options.allowEvent).toBe(false);
    const finding = second.verdict.findings.find((candidate) => candidate.rule === 'first-time-recipient');
    expect(finding).toMatchObject({ messageKey: 'finding.first-time-recipient.nearest', params: { nearest: 'tanaka.k@partner.co.jp' } });
  });
});

describe('a mail confirmed with Send Anyway in the dialog', () => {
  /** Outside recipients at a trusted partner are confirmed in the dialog; first-time ones are shown only. */
  const DIALOG = {
    version: 1,
    internalDomains: ['example.co.jp'],
    trustedDomains: ['partner.co.jp'],
    severities: { 'first-time-recipient': 'info' },
  };
  const LIMITS = { enabled: true, days: 365, maxEntries: 1800 };
  const lastWeek = recordRecipients(emptyHistory('k'.repeat(22)), ['hanako@partner.co.jp'], historyDay(NOW) - 7, LIMITS);

  it('refreshes the date of an address already known and learns no new one', async () => {
    const { options, fake, verdict } = await send(DIALOG, {
      mail: mailTo('hanako@partner.co.jp', 'taro@partner.co.jp'),
      roamingSettings: { [HISTORY_SETTING]: encodeHistory(lastWeek) },
    });
    expect(options).toMatchObject({ allowEvent: false, sendModeOverride: 'promptUser' });
    expect(firstTimeAddresses(verdict)).toEqual(['taro@partner.co.jp']);
    const saved = savedHistory(fake);
    expect(saved.entries.map((entry) => entry.day)).toEqual([historyDay(NOW)]);
    expect(historyStanding(saved, 'hanako@partner.co.jp')).toBe('known');
    expect(historyStanding(saved, 'taro@partner.co.jp')).toBe('known-domain');
  });

  it('saves nothing when no recipient is known yet', async () => {
    const { options, fake } = await send(DIALOG, { mail: mailTo('taro@partner.co.jp'), roamingSettings: {} });
    expect(options).toMatchObject({ allowEvent: false, sendModeOverride: 'promptUser' });
    expect(fake.calls.some((call) => call.operation === 'roamingSettings.saveAsync')).toBe(false);
  });
});

describe('a mail the check stops', () => {
  it('records nothing', async () => {
    const { options, fake, verdict } = await send(POLICY, { mail: mailTo('hanako@partner.co.jp'), roamingSettings: {} });
    expect(options.allowEvent).toBe(false);
    expect(firstTimeAddresses(verdict)).toEqual(['hanako@partner.co.jp']);
    expect(fake.savedRoamingSettings.has(HISTORY_SETTING)).toBe(false);
  });

  it.each<[string, CallBehaviour]>([
    ['fails', { kind: 'fail' }],
    ['does not answer in time', { kind: 'hang' }],
  ])('records nothing when the header %s and onError blocks the allowed mail', async (_name, behaviour) => {
    const { options, fake } = await send(RECORDING, { mail: mailTo('hanako@partner.co.jp'), roamingSettings: {} }, [
      ['internetHeaders.setAsync', behaviour],
    ]);
    expect(options.allowEvent).toBe(false);
    expect(fake.savedRoamingSettings.has(HISTORY_SETTING)).toBe(false);
  });
});

describe('when the roaming settings fail', () => {
  const saveFailures: ReadonlyArray<readonly [string, CallBehaviour]> = [
    ['fails', { kind: 'fail', code: 9020 }],
    ['hangs', { kind: 'hang' }],
    ['answers late', { kind: 'late' }],
    ['throws', { kind: 'throw' }],
    ['takes 2 s', { kind: 'delay', ms: 2_000 }],
  ];

  it.each(saveFailures)('saveAsync %s: the allowed mail still goes, once, in time', async (_name, behaviour) => {
    const { options, fake, verdict } = await send(RECORDING, { mail: mailTo('hanako@partner.co.jp'), roamingSettings: {} }, [
      ['roamingSettings.saveAsync', behaviour],
    ]);
    expect(options).toEqual({ allowEvent: true });
    expect(firstTimeAddresses(verdict)).toEqual(['hanako@partner.co.jp']);
    expect(fake.calls.filter((call) => call.operation === 'roamingSettings.saveAsync')).toHaveLength(1);
  });

  it.each<[string, OfficeFakeOptions]>([
    ['a client without roaming settings', { roamingSettings: null }],
    ['get throws', { roamingSettings: {}, roamingThrows: 'get' }],
  ])('%s: nobody is called new and nothing is saved', async (_name, office) => {
    const { options, fake, verdict } = await send(POLICY, { ...office, mail: mailTo('hanako@partner.co.jp') });
    expect(options).toEqual({ allowEvent: true });
    expect(firstTimeAddresses(verdict)).toEqual([]);
    expect(fake.calls.some((call) => call.operation === 'roamingSettings.saveAsync')).toBe(false);
  });

  it('set throws: the mail goes, nothing is saved', async () => {
    const { options, fake } = await send(RECORDING, { mail: mailTo('hanako@partner.co.jp'), roamingSettings: {}, roamingThrows: 'set' });
    expect(options).toEqual({ allowEvent: true });
    expect(fake.savedRoamingSettings.has(HISTORY_SETTING)).toBe(false);
  });

  it.each([['not a history'], [42], ['h1.short.AAAA']])('an unreadable stored value (%s) is replaced by a new history', async (value) => {
    const { options, fake } = await send(RECORDING, {
      mail: mailTo('hanako@partner.co.jp'),
      roamingSettings: { [HISTORY_SETTING]: value },
    });
    expect(options).toEqual({ allowEvent: true });
    expect(historyStanding(savedHistory(fake), 'hanako@partner.co.jp')).toBe('known');
  });

  it('a policy that keeps no history reads and writes none', async () => {
    const off = { ...RECORDING, recipientHistory: { enabled: false } };
    const { fake, verdict } = await send(off, { mail: mailTo('hanako@partner.co.jp'), roamingSettings: {}, roamingThrows: 'get' });
    expect(firstTimeAddresses(verdict)).toEqual([]);
    expect(fake.savedRoamingSettings.has(HISTORY_SETTING)).toBe(false);
  });
});
