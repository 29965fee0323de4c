// OnMessageSend. Every path ends in exactly one `event.completed`, before the watchdog's deadline, with all
// timers of this run cleared first; any failure becomes the decision the policy's onError asks for.
import { PolicyFetchError } from '../api-client/index.js';
import { pickLocale } from '../i18n/locale.js';
import {
  completeEvent,
  displayLanguage,
  OfficeCallError,
  readSendState,
  supportsMailbox,
  type LaunchEvent,
  type SendCompletion,
  type SendState,
} from '../office/index.js';
import type { Policy } from '../policy/index.js';
import { DEFAULT_DEPENDENCIES, SEND_TIMING, validPolicy, type HandlerDependencies, type Timing } from './dependencies.js';
import { inspectMessage } from './message-inspection.js';
import { completionForError, completionForVerdict, FALLBACK_PRESENTATION, type Presentation } from './send-completion.js';
import { TimerScope } from './timer-scope.js';

/** The handler's own reasons to fall back to onError: the watchdog fired, or no policy could be found. */
class HandlerFailure extends Error {
  override readonly name = 'HandlerFailure';

  constructor(readonly reason: 'deadline' | 'policy') {
    super(reason);
  }
}

export function createSendHandler(
  dependencies: Partial<HandlerDependencies> = {},
  timing: Timing = SEND_TIMING,
): (event: LaunchEvent) => void {
  const deps: HandlerDependencies = { ...DEFAULT_DEPENDENCIES, ...dependencies };

  return function onMessageSendHandler(event: LaunchEvent): void {
    const timers = new TimerScope();
    let done = false;
    let knownPolicy: Policy | null = null;
    let presentation = FALLBACK_PRESENTATION;

    const finish = (completion: SendCompletion): void => {
      if (done) return;
      done = true;
      timers.cancelAll();
      try {
        completeEvent(event, completion);
      } catch (error) {
        console.error('Preflight: event.completed threw', describe(error));
      }
    };
    const fail = (error: unknown): void => {
      if (done) return;
      console.error('Preflight: send check failed', describe(error));
      finish(completionForError(knownPolicy?.onError ?? 'block', describe(error), presentation));
    };

    timers.start(() => fail(new HandlerFailure('deadline')), timing.deadlineMs);
    try {
      presentation = readPresentation();
      knownPolicy = validPolicy(deps.boot().policyDocument, deps.parsePolicy);
      check().then(finish, fail);
    } catch (error) {
      fail(error);
    }

    async function check(): Promise<SendCompletion> {
      const boot = deps.boot();
      const fetched =
        boot.origin === null
          ? Promise.resolve(null)
          : deps.fetchPolicyDocument(boot.origin, timing.policyFetchTimeoutMs, { timers }).then(
              (document) => validPolicy(document, deps.parsePolicy),
              (error: unknown) => {
                console.warn('Preflight: policy fetch failed', describe(error));
                return null;
              },
            );
      const [fetchedPolicy, state] = await Promise.all([fetched, settle(readSendState({ timeoutMs: timing.officeCallTimeoutMs, timers }))]);
      if (!state.ok) {
        knownPolicy = fetchedPolicy ?? knownPolicy;
        throw state.error;
      }
      const policy = fetchedPolicy ?? validPolicy(state.value.cachedPolicy, deps.parsePolicy) ?? knownPolicy;
      if (policy === null) throw new HandlerFailure('policy');
      knownPolicy = policy;
      const { snapshot, protection } = state.value;
      const inspection = inspectMessage(snapshot, state.value.cachedInspections);
      const verdict = deps.evaluate(snapshot, policy, {
        nowMs: deps.now(),
        inspection,
        ...(protection === null ? {} : { protection }),
      });
      return completionForVerdict(verdict, state.value.confirmedFingerprint, presentation);
    }
  };
}

function readPresentation(): Presentation {
  return {
    locale: pickLocale(displayLanguage()),
    canOpenPane: supportsMailbox('1.14'),
    canUseMarkdown: supportsMailbox('1.15'),
  };
}

type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

function settle(promise: Promise<SendState>): Promise<Settled<SendState>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/** A short, content-free reason for the log and the alert: which call failed and how. */
function describe(error: unknown): string {
  if (error instanceof OfficeCallError) return `${error.operation} ${error.code}`;
  if (error instanceof PolicyFetchError) return `policy fetch ${error.code}`;
  if (error instanceof HandlerFailure) return error.reason;
  return 'internal';
}
