import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Boot, HandlerDependencies, Timing } from '../../src/launchevent/dependencies.js';
import { SEND_TIMING } from '../../src/launchevent/dependencies.js';
import { REVIEW_COMMAND_ID } from '../../src/launchevent/send-completion.js';
import { createSendHandler } from '../../src/launchevent/send-handler.js';
import { SESSION_KEYS } from '../../src/office/index.js';
import { translate } from '../../src/i18n/translate.js';
import { evaluate as realEvaluate, parsePolicy, type EvaluationContext, type Verdict } from '../../src/policy/index.js';
import {
  attachment,
  createLaunchEvent,
  createOfficeFake,
  recipient,
  SEND_OPERATIONS,
  type CallBehaviour,
  type OfficeFake,
  type OfficeFakeOptions,
} from '../fakes/office-fake.js';
import { installOffice, uninstallOffice, useOfficePerTest } from '../fakes/office-per-test.js';
import { confirmVerdict, finding, parseStub, stubDocument, verdict } from './fixtures.js';

/** Outlook shows "taking longer than expected" at 5 s; the handler promises well under it. */
const LIMIT_MS = 3_000;
const ORIGIN = 'https://preflight.example';

interface Run {
  readonly fake: OfficeFake;
  readonly completions: ReturnType<typeof createLaunchEvent>['completions'];
  readonly startedAt: number;
  readonly evaluate: ReturnType<typeof vi.fn<HandlerDependencies['evaluate']>>;
}

useOfficePerTest({ fakeTimers: true });

function startSend(
  setup: {
    readonly office?: OfficeFakeOptions;
    readonly behaviours?: ReadonlyArray<readonly [Parameters<OfficeFake['behave']>[0], CallBehaviour]>;
    readonly boot?: Boot;
    readonly verdict?: Verdict;
    readonly dependencies?: Partial<HandlerDependencies>;
    readonly timing?: Timing;
    readonly withoutOffice?: boolean;
  } = {},
): Run {
  const fake = createOfficeFake(setup.office);
  if (setup.withoutOffice !== true) installOffice(fake);
  for (const [operation, behaviour] of setup.behaviours ?? []) fake.behave(operation, behaviour);
  const evaluate = vi.fn<HandlerDependencies['evaluate']>(() => setup.verdict ?? verdict());
  const { event, completions } = createLaunchEvent(() => vi.getTimerCount());
  const handler = createSendHandler(
    {
      boot: () => setup.boot ?? { origin: null, policyDocument: stubDocument('boot') },
      parsePolicy: parseStub,
      evaluate,
      now: () => 1_700_000_000_000,
      ...setup.dependencies,
    },
    setup.timing,
  );
  const startedAt = Date.now();
  handler(event);
  return { fake, completions, startedAt, evaluate };
}

/** Runs the clock to the promised limit and checks the one rule every path keeps. */
async function completedOnce(run: Run): Promise<Office.SmartAlertsEventCompletedOptions> {
  await vi.advanceTimersByTimeAsync(LIMIT_MS);
  expect(run.completions).toHaveLength(1);
  const [completion] = run.completions;
  expect(completion!.at - run.startedAt).toBeLessThan(LIMIT_MS);
  // Nothing of this run may fire after completed (https://github.com/OfficeDev/office-js/issues/6656).
  expect(completion!.probed).toBe(0);
  expect(vi.getTimerCount()).toBe(0);
  run.fake.releaseLate();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(run.completions).toHaveLength(1);
  return completion!.options ?? {};
}

describe('when an Office call fails, hangs, answers late or throws', () => {
  const behaviours: readonly CallBehaviour[] = [{ kind: 'fail', code: 9020 }, { kind: 'hang' }, { kind: 'late' }, { kind: 'throw' }];
  const cases = SEND_OPERATIONS.flatMap((operation) => behaviours.map((behaviour) => [operation, behaviour.kind, behaviour] as const));

  it.each(cases)('%s (%s): blocks once, in time, naming the call, when no policy is known', async (operation, _kind, behaviour) => {
    const run = startSend({ behaviours: [[operation, behaviour]], boot: { origin: null, policyDocument: null } });
    const options = await completedOnce(run);
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toContain(operation);
    expect(run.evaluate).not.toHaveBeenCalled();
  });

  it.each(cases)('%s (%s): follows a known policy whose onError is allow', async (operation, _kind, behaviour) => {
    const run = startSend({ behaviours: [[operation, behaviour]], boot: { origin: null, policyDocument: stubDocument('boot', 'allow') } });
    expect(await completedOnce(run)).toEqual({ allowEvent: true });
  });

  it.each(cases)('%s (%s): blocks when the known policy says onError block', async (operation, _kind, behaviour) => {
    const run = startSend({ behaviours: [[operation, behaviour]], boot: { origin: null, policyDocument: stubDocument('boot', 'block') } });
    expect((await completedOnce(run)).allowEvent).toBe(false);
  });
});

describe('when the policy fetch fails', () => {
  let answerLate: (() => void) | undefined;
  const responses: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
    ['network error', () => Promise.reject(new TypeError('Network request failed'))],
    ['no answer', () => new Promise(() => undefined)],
    [
      'an answer after the deadline',
      () =>
        new Promise((resolve) => {
          answerLate = () => resolve(jsonResponse(stubDocument('late')));
        }),
    ],
    ['HTTP 503', () => Promise.resolve({ ok: false, status: 503, text: () => Promise.resolve(''), json: () => Promise.resolve(null) })],
    [
      'a body that is not JSON',
      () =>
        Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve('<html>'), json: () => Promise.reject(new SyntaxError()) }),
    ],
    ['an invalid policy', () => Promise.resolve(jsonResponse({ version: 2 }))],
  ];
  afterEach(() => {
    answerLate = undefined;
  });

  it.each(responses)('%s: evaluates with the embedded policy instead', async (_case, respond) => {
    vi.stubGlobal('fetch', vi.fn(respond));
    const run = startSend({ boot: { origin: ORIGIN, policyDocument: stubDocument('boot') } });
    expect(await completedOnce(run)).toEqual({ allowEvent: true });
    answerLate?.();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run.completions).toHaveLength(1);
    expect(run.evaluate).toHaveBeenCalledTimes(1);
    expect(run.evaluate.mock.calls[0]?.[1].internalDomains).toEqual(['boot']);
  });

  it.each(responses)('%s: blocks once, in time, when there is no other policy', async (_case, respond) => {
    vi.stubGlobal('fetch', vi.fn(respond));
    const run = startSend({ boot: { origin: ORIGIN, policyDocument: null } });
    const options = await completedOnce(run);
    answerLate?.();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run.completions).toHaveLength(1);
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toContain('policy');
    expect(run.evaluate).not.toHaveBeenCalled();
  });
});

describe('the watchdog', () => {
  const patient: Timing = {
    deadlineMs: SEND_TIMING.deadlineMs,
    officeCallTimeoutMs: 60_000,
    policyFetchTimeoutMs: 60_000,
    approvalLookupTimeoutMs: 60_000,
    historySaveTimeoutMs: 60_000,
  };

  it('completes at the deadline with the onError decision when everything hangs, and clears every timer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise(() => undefined)),
    );
    const run = startSend({
      behaviours: SEND_OPERATIONS.map((operation) => [operation, { kind: 'hang' }] as const),
      boot: { origin: ORIGIN, policyDocument: null },
      timing: patient,
    });
    await vi.advanceTimersByTimeAsync(SEND_TIMING.deadlineMs - 1);
    expect(run.completions).toHaveLength(0);
    const options = await completedOnce(run);
    expect(run.completions[0]!.at - run.startedAt).toBe(SEND_TIMING.deadlineMs);
    expect(options).toMatchObject({ allowEvent: false, errorMessage: expect.stringContaining('deadline') });
  });

  it('allows at the deadline when the embedded policy says onError allow', async () => {
    const run = startSend({
      behaviours: [['body.getAsync', { kind: 'hang' }]],
      boot: { origin: null, policyDocument: stubDocument('boot', 'allow') },
      timing: patient,
    });
    expect(await completedOnce(run)).toEqual({ allowEvent: true });
  });
});

describe('when the handler itself breaks', () => {
  it.each([
    ['block', false],
    ['allow', true],
  ] as const)('evaluate throwing follows onError %s', async (onError, allowEvent) => {
    const run = startSend({
      boot: { origin: null, policyDocument: stubDocument('boot', onError) },
      dependencies: {
        evaluate: () => {
          throw new Error('rule bug');
        },
      },
    });
    expect((await completedOnce(run)).allowEvent).toBe(allowEvent);
  });

  it('blocks when the parser throws (no policy can be known)', async () => {
    const run = startSend({
      dependencies: {
        parsePolicy: () => {
          throw new Error('parser bug');
        },
      },
    });
    expect(await completedOnce(run)).toMatchObject({ allowEvent: false, errorMessage: expect.stringContaining('policy') });
  });

  it('blocks when office.js is not there at all', async () => {
    const run = startSend({ withoutOffice: true });
    expect((await completedOnce(run)).allowEvent).toBe(false);
  });

  it('blocks when evaluate returns an unknown decision', async () => {
    const run = startSend({ verdict: { ...verdict(), decision: 'maybe' as Verdict['decision'] } });
    expect((await completedOnce(run)).allowEvent).toBe(false);
  });

  it('calls completed only once even when completed throws', async () => {
    const fake = createOfficeFake();
    installOffice(fake);
    const completed = vi.fn(() => {
      throw new Error('host error');
    });
    createSendHandler({
      boot: () => ({ origin: null, policyDocument: stubDocument('boot') }),
      parsePolicy: parseStub,
      evaluate: () => verdict(),
    })({
      completed,
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('decisions', () => {
  it('allow: lets the message go', async () => {
    expect(await completedOnce(startSend({ verdict: verdict({ decision: 'allow' }) }))).toEqual({ allowEvent: true });
  });

  it('block: refuses with a message naming each blocked item, and no review button', async () => {
    const blocked = verdict({
      decision: 'block',
      findings: [
        finding('b1', 'block', 'finding.blocked-recipient', { address: 'boss@rival.example', entry: 'rival.example' }),
        finding('c1', 'confirm', 'finding.keyword.subject', { term: 'confirm-only' }),
      ],
    });
    const options = await completedOnce(startSend({ verdict: blocked }));
    expect(Object.keys(options).sort()).toEqual(['allowEvent', 'errorMessage']);
    expect(options.errorMessage).toContain(translate('en', 'handler.block.title'));
    expect(options.errorMessage).toContain('Sending to boss@rival.example is not allowed');
    expect(options.errorMessage).not.toContain('confirm-only');
  });

  it('block stays block even with a recorded confirmation of the same content', async () => {
    const options = await completedOnce(
      startSend({
        verdict: verdict({ decision: 'block', findings: [finding('b1', 'block')] }),
        office: { mail: { sessionData: new Map([[SESSION_KEYS.confirmation, JSON.stringify({ fingerprint: 'fp-current', at: 1 })]]) } },
      }),
    );
    expect(options.allowEvent).toBe(false);
  });

  it.each([
    ['the same content', 'fp-current', true],
    ['different content', 'fp-older', false],
  ])('confirm with a recorded confirmation of %s: allowed %s', async (_case, recorded, allowed) => {
    const options = await completedOnce(
      startSend({
        verdict: confirmVerdict('fp-current'),
        office: { mail: { sessionData: new Map([[SESSION_KEYS.confirmation, JSON.stringify({ fingerprint: recorded, at: 1 })]]) } },
      }),
    );
    expect(options.allowEvent).toBe(allowed);
  });

  it('evaluates the snapshot Office gave with the time passed in', async () => {
    const run = startSend({ office: { mail: { to: [recipient('hanako@partner.co.jp')], subject: '見積書' } } });
    await completedOnce(run);
    const [snapshot, , context] = run.evaluate.mock.calls[0]!;
    expect(snapshot.to).toEqual([{ address: 'hanako@partner.co.jp', type: 'externalUser' }]);
    expect(snapshot.subject).toBe('見積書');
    expect(context).toEqual({
      inspection: { subject: { personalData: [] }, body: { personalData: [] }, attachments: [] },
    });
  });
});

describe('confirm options per Mailbox requirement set', () => {
  it.each([
    ['1.12', ['allowEvent', 'errorMessage']],
    ['1.13', ['allowEvent', 'errorMessage']],
    ['1.14', ['allowEvent', 'cancelLabel', 'commandId', 'contextData', 'errorMessage']],
    ['1.15', ['allowEvent', 'cancelLabel', 'commandId', 'contextData', 'errorMessage', 'errorMessageMarkdown']],
  ] as const)('Mailbox %s gets %j', async (mailbox, keys) => {
    const options = await completedOnce(startSend({ office: { mailbox }, verdict: confirmVerdict() }));
    expect(Object.keys(options).sort()).toEqual(keys);
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toContain('Outside: partner.co.jp — a@partner.co.jp');
    expect(options.errorMessage).toContain('Attachments: 見積書.xlsx');
    expect(options.errorMessage).toContain('Items to check: 4.');
  });

  it('tells 1.12–1.13 users to open Preflight from the ribbon', async () => {
    const options = await completedOnce(startSend({ office: { mailbox: '1.13' }, verdict: confirmVerdict() }));
    expect(options.errorMessage).toContain(translate('en', 'handler.confirm.ribbon', { count: 4 }));
  });

  it('gives 1.14 users the review button with the fingerprint as string contextData', async () => {
    const options = await completedOnce(startSend({ office: { mailbox: '1.14' }, verdict: confirmVerdict('fp-9') }));
    expect(options.commandId).toBe(REVIEW_COMMAND_ID);
    expect(options.cancelLabel).toBe('Review');
    expect(typeof options.contextData).toBe('string');
    expect(JSON.parse(options.contextData as string)).toEqual({ source: 'preflight-send', fingerprint: 'fp-9' });
    expect(options.errorMessage).toContain(translate('en', 'handler.confirm.review', { count: 4 }));
  });

  it('adds Markdown on 1.15', async () => {
    const options = await completedOnce(startSend({ office: { mailbox: '1.15' }, verdict: confirmVerdict() }));
    expect(options.errorMessageMarkdown).toMatch(/^\*\*Check this message before it is sent:\*\*\n\n- /);
    expect(options.errorMessageMarkdown).toContain('- Attachments: 見積書.xlsx\r');
  });

  it.each([
    ['ja-JP', '確認する', '送信前にこのメールを確認してください:'],
    ['ja', '確認する', '社外: partner.co.jp — a@partner.co.jp'],
    ['en-US', 'Review', 'Outside: other.jp — b@other.jp'],
    ['fr-FR', 'Review', 'Items to check: 4.'],
  ])('speaks the display language %s', async (displayLanguage, cancelLabel, text) => {
    const options = await completedOnce(startSend({ office: { displayLanguage }, verdict: confirmVerdict() }));
    expect(options.cancelLabel).toBe(cancelLabel);
    expect(options.errorMessage).toContain(text);
  });
});

describe('where the policy comes from', () => {
  const cached = new Map([[SESSION_KEYS.policy, JSON.stringify(stubDocument('cache'))]]);

  it.each([
    ['the server when it answers', true, cached, stubDocument('boot'), 'server'],
    ['the sessionData cache when the server fails', false, cached, stubDocument('boot'), 'cache'],
    ['the embedded policy when there is no cache', false, new Map<string, string>(), stubDocument('boot'), 'boot'],
  ])('uses %s', async (_case, serverAnswers, sessionData, embedded, tag) => {
    const fetch = vi.fn((_url: string, _init?: object) =>
      serverAnswers ? Promise.resolve(jsonResponse(stubDocument('server'))) : Promise.reject(new TypeError('offline')),
    );
    vi.stubGlobal('fetch', fetch);
    const run = startSend({ office: { mail: { sessionData } }, boot: { origin: `${ORIGIN}/`, policyDocument: embedded } });
    await completedOnce(run);
    expect(run.evaluate.mock.calls[0]?.[1].internalDomains).toEqual([tag]);
    expect(fetch).toHaveBeenCalledWith(`${ORIGIN}/api/policy`, expect.objectContaining({ cache: 'no-store' }));
  });

  it('does not fetch without an origin from the server', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    await completedOnce(startSend({ boot: { origin: null, policyDocument: stubDocument('boot') } }));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('uses onError of the fetched policy when Office then fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(jsonResponse(stubDocument('server', 'allow')))),
    );
    const run = startSend({ behaviours: [['subject.getAsync', { kind: 'fail' }]], boot: { origin: ORIGIN, policyDocument: null } });
    expect(await completedOnce(run)).toEqual({ allowEvent: true });
  });
});

function jsonResponse(body: unknown) {
  const text = JSON.stringify(body);
  return { ok: true, status: 200, text: () => Promise.resolve(text), json: () => Promise.resolve(JSON.parse(text) as unknown) };
}

describe('attachment protection: the handler only verifies what the pane recorded', () => {
  const ZIP = attachment('見積書.zip', 20480);
  const ZIP_POLICY = { version: 1, internalDomains: ['example.co.jp'], attachments: { protection: { external: 'zip' } } };
  // What the pane records for the ZIP it made: with its members' inspection together (src/taskpane/protect-zip.ts).
  const MEMBERS_INSPECTED = { name: '見積書.zip', size: 20480, status: 'inspected', reason: '', unread: [], personalData: [] };
  const RECORDED_ZIP = { name: '見積書.zip', size: 20480, method: 'aes256', inspection: MEMBERS_INSPECTED };
  const RECORDED = JSON.stringify({ zips: [RECORDED_ZIP], links: [] });
  // What the attachments handler reads of the same ZIP as a file: encrypted; the record's inspection stands for it.
  const ZIP_INSPECTED: readonly [string, string] = [
    SESSION_KEYS.inspection,
    JSON.stringify([{ name: '見積書.zip', size: 20480, status: 'encrypted', reason: 'zip-encrypted', unread: [], personalData: [] }]),
  ];

  function sendWithRealRules(sessionData: ReadonlyArray<readonly [string, string]>, document: unknown = ZIP_POLICY) {
    const contexts: EvaluationContext[] = [];
    const verdicts: Verdict[] = [];
    const run = startSend({
      office: {
        mailbox: '1.15',
        mail: { to: [recipient('hanako@partner.co.jp')], attachments: [ZIP], sessionData: new Map(sessionData) },
      },
      boot: { origin: null, policyDocument: document },
      dependencies: {
        parsePolicy,
        evaluate: (snapshot, policy, context) => {
          contexts.push(context);
          const result = realEvaluate(snapshot, policy, context);
          verdicts.push(result);
          return result;
        },
      },
    });
    return { run, contexts, verdicts };
  }

  const rulesOf = (verdict: Verdict | undefined) => (verdict?.findings ?? []).map((finding) => finding.rule);

  it('a recorded ZIP is not unprotected; after the usual confirmation of the rest the send goes', async () => {
    const first = sendWithRealRules([[SESSION_KEYS.protection, RECORDED], ZIP_INSPECTED]);
    const options = await completedOnce(first.run);
    expect(first.contexts[0]?.protection).toEqual({ zips: [RECORDED_ZIP], links: [] });
    expect(rulesOf(first.verdicts[0])).toEqual(['external-recipient', 'attachment-to-external']);
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).not.toContain('Protect attachments');
    const { fingerprint } = JSON.parse(options.contextData as string) as { fingerprint: string };
    uninstallOffice();

    const confirmation = JSON.stringify({ fingerprint, at: 1 });
    const second = sendWithRealRules([[SESSION_KEYS.protection, RECORDED], ZIP_INSPECTED, [SESSION_KEYS.confirmation, confirmation]]);
    expect(await completedOnce(second.run)).toEqual({ allowEvent: true });
  });

  it('an unrecorded attachment to an external recipient is unprotected-attachment, and the alert points to the pane', async () => {
    const { run, contexts, verdicts } = sendWithRealRules([]);
    const options = await completedOnce(run);
    expect(contexts[0]).toEqual({ inspection: expect.anything() });
    expect(rulesOf(verdicts[0])).toContain('unprotected-attachment');
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toContain('Attachments not protected as the policy asks: 1. Protect them with "Protect attachments"');
  });

  it('with the default policy (no attachments key) external attachments need a link, so even a recorded ZIP is flagged', async () => {
    const { run, verdicts } = sendWithRealRules([[SESSION_KEYS.protection, RECORDED]], { version: 1, internalDomains: ['example.co.jp'] });
    await completedOnce(run);
    expect(verdicts[0]?.findings.find((finding) => finding.rule === 'unprotected-attachment')?.messageKey).toBe(
      'finding.unprotected-attachment.link.external',
    );
  });

  it('blocks, naming the fix, when the policy says onUnprotected block, even after a confirmation', async () => {
    const blocking = { ...ZIP_POLICY, attachments: { protection: { external: 'zip', onUnprotected: 'block' } } };
    const { run } = sendWithRealRules([[SESSION_KEYS.confirmation, JSON.stringify({ fingerprint: 'anything', at: 1 })]], blocking);
    const options = await completedOnce(run);
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toContain(translate('en', 'handler.block.title'));
    expect(options.errorMessage).toContain('"Protect attachments"');
  });

  it.each([
    ['not JSON', '{"zips":'],
    ['a record with a wrong size type', JSON.stringify({ zips: [{ name: '見積書.zip', size: '20480', method: 'aes256' }], links: [] })],
    ['a record with an unknown method', JSON.stringify({ zips: [{ name: '見積書.zip', size: 20480, method: 'none' }], links: [] })],
    ['a __proto__ key', '{"zips":[{"name":"見積書.zip","size":20480,"method":"aes256"}],"links":[],"__proto__":{}}'],
  ])('a corrupt protection value (%s) counts as nothing protected', async (_case, stored) => {
    const { run, contexts, verdicts } = sendWithRealRules([[SESSION_KEYS.protection, stored]]);
    const options = await completedOnce(run);
    expect(contexts[0]).not.toHaveProperty('protection');
    expect(rulesOf(verdicts[0])).toContain('unprotected-attachment');
    expect(options.allowEvent).toBe(false);
  });
});
