// The pane's imperative shell: Office and the backend in, a Review or a Problem out. Every failure
// becomes a Problem value the pane can show next to what it already has.
import { runCheck, type Check, type CheckPorts, type CheckResult, type PolicySource } from '../check/index.js';
import type { ApprovalGrant, AttachmentInspection, MessageSnapshot, Policy, Verdict } from '../policy/index.js';
import { describeError } from '../policy/index.js';
import { findApprovalInPane } from './approval-ports.js';
import type { PaneGateway } from './pane-gateway.js';
import { inspectForPane, type InspectionProgress } from './pane-inspection.js';
import { buildReviewModel, type ReviewModel } from './review-model.js';
import { apiFailureCode, type ApiFailureCode } from './api-failure.js';

export type { PolicySource };

export interface Review {
  readonly policy: Policy;
  /** The document the policy was read from, so a re-check uses exactly it. */
  readonly policyDocument: unknown;
  readonly policySource: PolicySource;
  readonly snapshot: MessageSnapshot;
  readonly verdict: Verdict;
  readonly model: ReviewModel;
  /** Inspection outcomes could not be stored in the item: the next Send will count them as not inspected. */
  readonly inspectionNotSaved: boolean;
  /** What an approval of this content is signed over; null when the policy asks none. */
  readonly approvalFingerprint: string | null;
  /** The verified approval the verdict counts; null when none. */
  readonly approval: ApprovalGrant | null;
}

export type Problem =
  | { readonly kind: 'office'; readonly operation: string; readonly code: string }
  | { readonly kind: 'office-not-ready' }
  | { readonly kind: 'policy-unavailable' }
  /** A call to the Preflight API failed: shown by its code, the raw words collapsed (api-failure.ts). */
  | { readonly kind: 'api'; readonly cause: ApiFailureCode; readonly detail: string }
  | { readonly kind: 'unexpected'; readonly message: string };

export type Outcome<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly problem: Problem };

/** Office answers within seconds when it is there at all; past this the pane says so instead of spinning. */
export const OFFICE_READY_TIMEOUT_MS = 15_000;

export function problemOf(error: unknown): Problem {
  if (typeof error === 'object' && error !== null && 'operation' in error && typeof error.operation === 'string') {
    const code = 'code' in error ? error.code : undefined;
    return { kind: 'office', operation: error.operation, code: code === undefined ? '?' : String(code) };
  }
  const cause = apiFailureCode(error);
  if (cause !== null) return { kind: 'api', cause, detail: describeError(error) };
  return { kind: 'unexpected', message: describeError(error) };
}

async function officeReady(gateway: PaneGateway, timeoutMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    // A rejection means office.js is missing or broke while starting: to the user the same as never ready.
    const ready = gateway.whenOfficeReady().then(
      () => true as const,
      () => false as const,
    );
    return await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type ProgressListener = (progress: InspectionProgress) => void;

/**
 * The check's ports in the pane. The pane has no embedded policy (the boot line is the handler's); reading
 * the confirmation, the cached policy or the protection record failing counts as none, as at Send.
 */
function panePorts(gateway: PaneGateway, policy: FixedPolicy | null, onProgress?: ProgressListener): CheckPorts {
  const orNull = <T>(read: () => Promise<T>): Promise<T | null> => read().catch(() => null);
  const keep = policy === null ? { cachePolicy: (document: unknown) => gateway.cachePolicy(document) } : {};
  return {
    ...keep,
    fetchPolicy: () => (policy === null ? gateway.fetchPolicyDocument() : Promise.resolve(policy.document)),
    readItem: async () => {
      const [snapshot, confirmedFingerprint, cachedPolicy, cachedInspections, protection, approval] = await Promise.all([
        gateway.readSnapshot(),
        orNull(() => gateway.readConfirmedFingerprint()),
        policy === null ? orNull(() => gateway.readCachedPolicy()) : Promise.resolve(null),
        // An unreadable cache is an empty one: everything is inspected again, which costs time, not correctness.
        gateway.readCachedInspections().catch((): readonly AttachmentInspection[] => []),
        orNull(() => gateway.readProtectionState()),
        orNull(() => gateway.readApprovalRecord()),
      ]);
      return { snapshot, confirmedFingerprint, cachedPolicy, cachedInspections, protection, approval };
    },
    findApproval: (fingerprint, stored) => findApprovalInPane(gateway, gateway.nowMs(), fingerprint, stored),
    embeddedPolicy: () => null,
    readHistory: (limits) => gateway.readRecipientHistory(limits),
    attachmentOutcomes: (snapshot, cached) => inspectForPane(gateway, snapshot, cached, onProgress),
  };
}

/** A policy already in hand (re-evaluation), kept with where it came from. */
interface FixedPolicy {
  readonly document: unknown;
  readonly source: PolicySource;
}

/** `hasBcc`: a meeting has none, so the pane offers no move to Bcc. */
function reviewOf(check: Check, hasBcc: boolean): Review {
  return {
    policy: check.policy,
    policyDocument: check.policyDocument,
    policySource: check.policySource,
    snapshot: check.snapshot,
    verdict: check.verdict,
    model: buildReviewModel(check.snapshot, check.verdict, check.policy, hasBcc),
    inspectionNotSaved: check.inspectionNotSaved,
    approvalFingerprint: check.approvalFingerprint,
    approval: check.approval,
  };
}

function problemOfFailure(result: Extract<CheckResult, { ok: false }>): Problem {
  return result.reason === 'policy' ? { kind: 'policy-unavailable' } : problemOf(result.error);
}

export async function loadReview(
  gateway: PaneGateway,
  readyTimeoutMs: number = OFFICE_READY_TIMEOUT_MS,
  onProgress?: ProgressListener,
): Promise<Outcome<{ review: Review; confirmedFingerprint: string | null }>> {
  if (!(await officeReady(gateway, readyTimeoutMs))) return { ok: false, problem: { kind: 'office-not-ready' } };
  const result = await runCheck(panePorts(gateway, null, onProgress));
  if (!result.ok) return { ok: false, problem: problemOfFailure(result) };
  return { ok: true, review: reviewOf(result.check, !gateway.composingMeeting()), confirmedFingerprint: result.check.confirmedFingerprint };
}

/** Re-reads the item and checks it again with the policy already in hand. */
export async function reevaluate(
  gateway: PaneGateway,
  review: Pick<Review, 'policyDocument' | 'policySource'>,
  onProgress?: ProgressListener,
): Promise<Outcome<{ review: Review }>> {
  const fixed = { document: review.policyDocument, source: review.policySource };
  const result = await runCheck(panePorts(gateway, fixed, onProgress));
  if (!result.ok) return { ok: false, problem: problemOfFailure(result) };
  // The check calls a policy handed in "server"; it keeps the source it was first found at.
  return { ok: true, review: { ...reviewOf(result.check, !gateway.composingMeeting()), policySource: fixed.source } };
}

/** Runs one change to the item (move, remove, confirm); a failure is a Problem, never a throw. */
export async function attempt(change: () => Promise<void>): Promise<Outcome<object>> {
  try {
    await change();
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}
