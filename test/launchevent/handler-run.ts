// One send through the real handler against the typed Office fake, for test files about what happens at
// Send: fake timers, a quiet console, and the promise every path keeps (completed once, in time, with no
// timer of the run left behind).
import { expect, vi } from 'vitest';
import type { HandlerDependencies } from '../../src/launchevent/dependencies.js';
import { createSendHandler } from '../../src/launchevent/send-handler.js';
import { createLaunchEvent, type CallBehaviour, type OfficeFake } from '../fakes/office-fake.js';
import { installOffice, useOfficePerTest } from '../fakes/office-per-test.js';

/** Outlook shows "taking longer than expected" at 5 s; the handler promises well under it. */
export const LIMIT_MS = 3_000;

export type Behaviours = ReadonlyArray<readonly [Parameters<OfficeFake['behave']>[0], CallBehaviour]>;

/** Registers the per-test setup and teardown, with fake timers; call once at the top of a test file. */
export function useHandlerRuns(): void {
  useOfficePerTest({ fakeTimers: true });
}

/** Presses Send once with `policy` embedded, runs the clock out and returns what the handler completed with. */
export async function sendThrough(
  fake: OfficeFake,
  policy: unknown,
  dependencies: Partial<HandlerDependencies> = {},
  behaviours: Behaviours = [],
): Promise<Office.SmartAlertsEventCompletedOptions> {
  installOffice(fake);
  for (const [operation, behaviour] of behaviours) fake.behave(operation, behaviour);
  const { event, completions } = createLaunchEvent(() => vi.getTimerCount());
  const startedAt = Date.now();
  createSendHandler({ boot: () => ({ origin: null, policyDocument: policy }), ...dependencies })(event);
  await vi.advanceTimersByTimeAsync(LIMIT_MS);
  expect(completions).toHaveLength(1);
  expect(completions[0]!.at - startedAt).toBeLessThan(LIMIT_MS);
  expect(vi.getTimerCount()).toBe(0);
  fake.releaseLate();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(completions).toHaveLength(1);
  return completions[0]!.options ?? {};
}
