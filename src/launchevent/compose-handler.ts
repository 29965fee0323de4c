// OnNewMessageCompose: remember who a reply or forward started with, and warm the policy cache, so that
// the send handler mostly verifies. Failures here are logged only; the send handler has its own fallbacks.
import { cachePolicy, captureOriginalRecipients, type LaunchEvent } from '../office/index.js';
import { validPolicy } from '../check/index.js';
import { COMPOSE_TIMING, DEFAULT_DEPENDENCIES, type HandlerDependencies, type Timing } from './dependencies.js';
import { completeOnce } from './complete-once.js';
import { TimerScope } from './timer-scope.js';

export function createComposeHandler(
  dependencies: Partial<HandlerDependencies> = {},
  timing: Timing = COMPOSE_TIMING,
): (event: LaunchEvent) => void {
  const deps: HandlerDependencies = { ...DEFAULT_DEPENDENCIES, ...dependencies };

  return function onNewMessageComposeHandler(event: LaunchEvent): void {
    const timers = new TimerScope();
    const finish = completeOnce(event, timers);
    const options = { timeoutMs: timing.officeCallTimeoutMs, timers };

    async function warmPolicyCache(): Promise<void> {
      const { origin } = deps.boot();
      if (origin === null) return;
      const document = await deps.fetchPolicyDocument(origin, timing.policyFetchTimeoutMs, { timers });
      if (validPolicy(document, deps.parsePolicy) !== null) await cachePolicy(document, options);
    }

    timers.start(finish, timing.deadlineMs);
    try {
      Promise.all([captureOriginalRecipients(options).catch(logFailure), warmPolicyCache().catch(logFailure)]).then(finish, finish);
    } catch (error) {
      logFailure(error);
      finish();
    }
  };
}

function logFailure(error: unknown): void {
  console.warn('Preflight: compose preparation failed', error instanceof Error ? error.message : 'unknown');
}
