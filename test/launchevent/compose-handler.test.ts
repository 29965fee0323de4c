import { describe, expect, it, vi } from 'vitest';
import { createComposeHandler } from '../../src/launchevent/compose-handler.js';
import { COMPOSE_TIMING, type HandlerDependencies } from '../../src/launchevent/dependencies.js';
import { SESSION_KEYS } from '../../src/office/index.js';
import {
  createLaunchEvent,
  createOfficeFake,
  recipient,
  type CallBehaviour,
  type FakeOperation,
  type OfficeFakeOptions,
} from '../fakes/office-fake.js';
import { installOffice, useOfficePerTest } from '../fakes/office-per-test.js';
import { parseStub, stubDocument } from './fixtures.js';

const ORIGIN = 'https://preflight.example';

useOfficePerTest({ fakeTimers: true });

function startCompose(
  office: OfficeFakeOptions,
  dependencies: Partial<HandlerDependencies>,
  behaviour?: readonly [FakeOperation, CallBehaviour],
) {
  const fake = createOfficeFake(office);
  installOffice(fake);
  if (behaviour !== undefined) fake.behave(...behaviour);
  const { event, completions } = createLaunchEvent(() => vi.getTimerCount());
  const startedAt = Date.now();
  createComposeHandler({ boot: () => ({ origin: ORIGIN, policyDocument: null }), parsePolicy: parseStub, ...dependencies })(event);
  return { fake, completions, startedAt };
}

async function completedOnce(run: ReturnType<typeof startCompose>): Promise<void> {
  await vi.advanceTimersByTimeAsync(COMPOSE_TIMING.deadlineMs);
  expect(run.completions).toHaveLength(1);
  expect(run.completions[0]).toMatchObject({ options: undefined, probed: 0 });
  expect(run.completions[0]!.at - run.startedAt).toBeLessThanOrEqual(COMPOSE_TIMING.deadlineMs);
  run.fake.releaseLate();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(run.completions).toHaveLength(1);
}

describe('onNewMessageComposeHandler', () => {
  it('records the recipients of a reply and caches a valid policy from the server', async () => {
    const run = startCompose(
      { mail: { to: [recipient('hanako@partner.co.jp', 'externalUser', 'Hanako')] } },
      { fetchPolicyDocument: () => Promise.resolve(stubDocument('server')) },
    );
    await completedOnce(run);
    expect(JSON.parse(run.fake.mail.sessionData.get(SESSION_KEYS.original) ?? 'null')).toEqual([
      { address: 'hanako@partner.co.jp', name: 'Hanako' },
    ]);
    expect(JSON.parse(run.fake.mail.sessionData.get(SESSION_KEYS.policy) ?? 'null')).toEqual(stubDocument('server'));
  });

  it.each([
    ['an invalid policy', () => Promise.resolve({ version: 99 })],
    ['a failed fetch', () => Promise.reject(new Error('offline'))],
  ])('caches nothing after %s, and records nothing for a new message', async (_case, fetchPolicyDocument) => {
    const run = startCompose({}, { fetchPolicyDocument });
    await completedOnce(run);
    expect([...run.fake.mail.sessionData.keys()]).toEqual([]);
  });

  it('does not fetch without an origin', async () => {
    const fetchPolicyDocument = vi.fn();
    const run = startCompose({}, { boot: () => ({ origin: null, policyDocument: null }), fetchPolicyDocument });
    await completedOnce(run);
    expect(fetchPolicyDocument).not.toHaveBeenCalled();
  });

  it.each([
    ['to.getAsync', { kind: 'hang' }],
    ['to.getAsync', { kind: 'late' }],
    ['cc.getAsync', { kind: 'fail' }],
    ['bcc.getAsync', { kind: 'throw' }],
    ['sessionData.setAsync', { kind: 'hang' }],
    ['sessionData.setAsync', { kind: 'fail' }],
  ] as const)('completes once, in time, when %s does %j', async (operation, behaviour) => {
    const run = startCompose(
      { mail: { to: [recipient('a@partner.co.jp')] } },
      { fetchPolicyDocument: () => Promise.resolve(stubDocument('server')) },
      [operation, behaviour],
    );
    await completedOnce(run);
  });

  it('completes once at the deadline when the fetch never answers', async () => {
    const run = startCompose({}, { fetchPolicyDocument: () => new Promise(() => undefined) });
    await completedOnce(run);
    expect(run.completions[0]!.at - run.startedAt).toBe(COMPOSE_TIMING.deadlineMs);
  });
});
