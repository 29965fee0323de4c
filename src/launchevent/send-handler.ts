// OnMessageSend. Every path ends in exactly one `event.completed`, before the watchdog's deadline, with all
// timers of this run cleared first; any failure becomes the decision the policy's onError asks for. The
// check itself is src/check's, shared with the pane and the CLI: this file only turns it into a completion.
import { ApiError } from '../api-client/index.js';
import {
  embeddedPolicy,
  historyAfterSend,
  planSend,
  PREFLIGHT_HEADER,
  preflightHeaderValue,
  runCheck,
  type Check,
  type CheckResult,
  type HistoryRecording,
  type SendPlan,
} from '../check/index.js';
import type { AuditDecision } from '../protocol/index.js';
import { pickLocale } from '../i18n/locale.js';
import {
  completeEvent,
  composingMeeting,
  displayLanguage,
  moveToBcc,
  OfficeCallError,
  saveStoredHistory,
  setInternetHeader,
  supportsMailbox,
  type LaunchEvent,
  type SendCompletion,
} from '../office/index.js';
import { applyControls } from './apply-controls.js';
import type { Policy, Verdict } from '../policy/index.js';
import { DEFAULT_DEPENDENCIES, SEND_TIMING, type HandlerDependencies, type Timing } from './dependencies.js';
import { handlerPorts } from './handler-ports.js';
import {
  APPOINTMENT_REVIEW_COMMAND_ID,
  completionForError,
  completionForPlan,
  FALLBACK_PRESENTATION,
  type Applied,
  type Presentation,
} from './send-completion.js';
import { TimerScope } from './timer-scope.js';

/** Time left after a history save for the completion itself. */
const HISTORY_SAVE_MARGIN_MS = 300;

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
  const engine = { parsePolicy: deps.parsePolicy, evaluate: deps.evaluate };

  return function onMessageSendHandler(event: LaunchEvent): void {
    const timers = new TimerScope();
    let done = false;
    let knownPolicy: Policy | null = null;
    let presentation = FALLBACK_PRESENTATION;
    const startedAt = deps.now();
    let checked: Check | null = null;
    /** The plan's decision, set once it was carried out: a finish before that reports onError's. */
    let decided: AuditDecision | null = null;

    const finish = (completion: SendCompletion): void => {
      if (done) return;
      done = true;
      timers.cancelAll();
      try {
        completeEvent(event, completion);
      } catch (error) {
        console.error('Preflight: event.completed threw', describe(error));
      }
      // After completion, so the audit never makes a Send slower (docs/admin.md).
      const decision = decided ?? (completion.allowEvent === true ? 'error-allow' : 'error-block');
      try {
        deps.reportSend({ check: checked, decision, durationMs: deps.now() - startedAt }, deps.boot(), deps.now());
      } catch (error) {
        console.warn('Preflight: audit report failed', describe(error));
      }
    };
    const fail = (error: unknown, policy: Policy | null = knownPolicy): void => {
      if (done) return;
      console.error('Preflight: send check failed', describe(error));
      finish(completionForError(policy?.onError ?? 'block', describe(error), presentation));
    };

    timers.start(() => fail(new HandlerFailure('deadline')), timing.deadlineMs);
    try {
      presentation = readPresentation();
      const ports = handlerPorts(deps, timing, timers);
      knownPolicy = embeddedPolicy(ports, engine);
      runCheck(ports, engine).then(completionFor).then(finish, fail);
    } catch (error) {
      fail(error);
    }

    async function completionFor(result: CheckResult): Promise<SendCompletion> {
      if (!result.ok) {
        const error = result.reason === 'policy' ? new HandlerFailure('policy') : result.error;
        console.error('Preflight: send check failed', describe(error));
        const onError = result.policy?.onError ?? 'block';
        await stampIfLetGo(onError);
        return completionForError(onError, describe(error), presentation);
      }
      const { check } = result;
      knownPolicy = check.policy;
      const { verdict, policySource } = check;
      const plan = planSend(check, {
        promptUser: presentation.canOpenPane,
        openPane: presentation.canOpenPane,
        delayDelivery: supportsMailbox('1.13'),
      });
      // Rule ids only, never content: what IT reads in the runtime log when a user asks why (docs/deploy.md).
      console.log(`Preflight: ${verdict.decision} -> ${plan.kind} (policy: ${policySource}; rules: ${ruleIds(verdict).join(',')})`);
      checked = check;
      let applied: Applied | undefined;
      try {
        applied = await carryOut(plan, check);
      } catch (error) {
        // A control that failed may have left the header of the decision it could not carry out.
        await stampIfLetGo(check.policy.onError);
        throw error;
      }
      const completion = completionForPlan(plan, verdict, presentation, applied);
      decided = auditDecision(plan);
      return completion;
    }

    /** What the plan changes on the item before completing; rejects when an Office call fails or is late. */
    async function carryOut(plan: SendPlan, check: Check): Promise<Applied | undefined> {
      const options = { timeoutMs: timing.officeCallTimeoutMs, timers };
      switch (plan.kind) {
        case 'move-to-bcc':
          await moveToBcc(plan.addresses, options);
          return undefined;
        case 'allow':
        case 'dialog-confirm': {
          const stamped = plan.kind === 'dialog-confirm' ? 'dialog-confirm' : plan.because === 'confirmed' ? 'confirmed' : 'allow';
          const header =
            presentation.meeting === true ? null : preflightHeaderValue(stamped, check.policyDocument, check.verdict.fingerprint);
          const applied = await applyControls(plan.controls, header, deps.now(), options);
          // After the controls: a failed one stops the mail, which must not make its addresses known. Only a
          // plain allow is known to go: after Send Anyway's dialog the handler never learns the answer.
          await keepHistory(check, plan.kind === 'allow' ? 'all' : 'known');
          return applied;
        }
        default:
          return undefined;
      }
    }

    /**
     * The mail's outside addresses into the sender's history, before completing (a runtime may end with
     * event.completed), bounded so that a slow save never turns an allowed send into onError's decision.
     */
    async function keepHistory(check: Check, recording: HistoryRecording): Promise<void> {
      const next = historyAfterSend(check, deps.now(), recording);
      const timeoutMs = Math.min(timing.historySaveTimeoutMs, timing.deadlineMs - (deps.now() - startedAt) - HISTORY_SAVE_MARGIN_MS);
      if (next === null || timeoutMs <= 0) return;
      try {
        await saveStoredHistory(next, { timeoutMs, timers });
      } catch (error) {
        console.warn('Preflight: could not save the recipient history', describe(error));
      }
    }

    /** The header on a send onError lets go, if Office still answers; without it the mail-flow rule decides. */
    async function stampIfLetGo(onError: Policy['onError']): Promise<void> {
      if (onError !== 'allow' || presentation.meeting === true) return;
      try {
        await setInternetHeader(PREFLIGHT_HEADER, preflightHeaderValue('error-allow', null, null), {
          timeoutMs: timing.officeCallTimeoutMs,
          timers,
        });
      } catch (error) {
        console.warn('Preflight: could not stamp the header', describe(error));
      }
    }
  };
}

function auditDecision(plan: SendPlan): AuditDecision {
  if (plan.kind === 'allow') return plan.because === 'confirmed' ? 'confirmed' : 'allow';
  return plan.kind;
}

function ruleIds(verdict: Verdict): string[] {
  const rules: string[] = [];
  for (const finding of verdict.findings) if (rules.indexOf(finding.rule) === -1) rules.push(finding.rule);
  return rules;
}

function readPresentation(): Presentation {
  return {
    locale: pickLocale(displayLanguage()),
    canOpenPane: supportsMailbox('1.14'),
    canUseMarkdown: supportsMailbox('1.15'),
    // A meeting is read into the same snapshot; only its review button lives on another surface.
    ...(composingMeeting() ? { reviewCommandId: APPOINTMENT_REVIEW_COMMAND_ID, meeting: true } : {}),
  };
}

/** A short, content-free reason for the log and the alert: which call failed and how. */
function describe(error: unknown): string {
  if (error instanceof OfficeCallError) return `${error.operation} ${error.code}`;
  if (error instanceof ApiError) return `policy fetch ${error.code}`;
  if (error instanceof HandlerFailure) return error.reason;
  return 'internal';
}
