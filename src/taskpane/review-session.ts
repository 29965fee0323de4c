// The pane's imperative shell: Office and the backend in, a Review or a Problem out. Every failure
// becomes a Problem value the pane can show next to what it already has.
import { evaluate, parsePolicy, type MessageSnapshot, type Policy, type Verdict } from '../policy/index.js';
import type { PaneGateway } from './pane-gateway.js';
import { inspectForPane, type InspectionProgress } from './pane-inspection.js';
import { buildReviewModel, type ReviewModel } from './review-model.js';

export type PolicySource = 'server' | 'cache';

export interface Review {
  readonly policy: Policy;
  readonly policySource: PolicySource;
  readonly snapshot: MessageSnapshot;
  readonly verdict: Verdict;
  readonly model: ReviewModel;
  /** Inspection outcomes could not be stored in the item: the next Send will count them as not inspected. */
  readonly inspectionNotSaved: boolean;
}

export type Problem =
  | { readonly kind: 'office'; readonly operation: string; readonly code: string }
  | { readonly kind: 'office-not-ready' }
  | { readonly kind: 'policy-unavailable' }
  | { readonly kind: 'unexpected'; readonly message: string };

export type Outcome<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly problem: Problem };

/** Office answers within seconds when it is there at all; past this the pane says so instead of spinning. */
export const OFFICE_READY_TIMEOUT_MS = 15_000;

export function problemOf(error: unknown): Problem {
  if (typeof error === 'object' && error !== null && 'operation' in error && typeof error.operation === 'string') {
    const code = 'code' in error ? error.code : undefined;
    return { kind: 'office', operation: error.operation, code: code === undefined ? '?' : String(code) };
  }
  if (error instanceof Error) return { kind: 'unexpected', message: error.message };
  return { kind: 'unexpected', message: String(error) };
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

async function parsedOrNull(read: () => Promise<unknown>): Promise<{ policy: Policy; document: unknown } | null> {
  try {
    const document = await read();
    if (document === null || document === undefined) return null;
    const parsed = parsePolicy(document);
    return parsed.ok ? { policy: parsed.policy, document } : null;
  } catch {
    return null;
  }
}

/** The organisation's policy from the server, else the last good copy Outlook keeps for this item; null when neither. */
export async function resolvePolicy(gateway: PaneGateway): Promise<{ policy: Policy; source: PolicySource } | null> {
  const fresh = await parsedOrNull(() => gateway.fetchPolicyDocument());
  if (fresh !== null) {
    // Keeping the copy is a courtesy for the next check; failing to keep it changes nothing now.
    await gateway.cachePolicy(fresh.document).catch(() => undefined);
    return { policy: fresh.policy, source: 'server' };
  }
  const cached = await parsedOrNull(() => gateway.readCachedPolicy());
  return cached === null ? null : { policy: cached.policy, source: 'cache' };
}

export type ProgressListener = (progress: InspectionProgress) => void;

async function evaluated(
  gateway: PaneGateway,
  policy: Policy,
  policySource: PolicySource,
  onProgress?: ProgressListener,
): Promise<Review> {
  const snapshot = await gateway.readSnapshot();
  const inspection = await inspectForPane(gateway, snapshot, onProgress);
  // As the send handler reads it: an unreadable record counts as nothing protected, on both sides.
  const protection = await gateway.readProtectionState().catch(() => null);
  const verdict = evaluate(snapshot, policy, {
    nowMs: gateway.nowMs(),
    inspection: inspection.summary,
    ...(protection === null ? {} : { protection }),
  });
  return {
    policy,
    policySource,
    snapshot,
    verdict,
    model: buildReviewModel(snapshot, verdict, policy, !gateway.composingMeeting()),
    inspectionNotSaved: inspection.notSaved,
  };
}

export async function loadReview(
  gateway: PaneGateway,
  readyTimeoutMs: number = OFFICE_READY_TIMEOUT_MS,
  onProgress?: ProgressListener,
): Promise<Outcome<{ review: Review; confirmedFingerprint: string | null }>> {
  try {
    if (!(await officeReady(gateway, readyTimeoutMs))) return { ok: false, problem: { kind: 'office-not-ready' } };
    const [resolved, confirmedFingerprint] = await Promise.all([
      resolvePolicy(gateway),
      gateway.readConfirmedFingerprint().catch(() => null),
    ]);
    if (resolved === null) return { ok: false, problem: { kind: 'policy-unavailable' } };
    const review = await evaluated(gateway, resolved.policy, resolved.source, onProgress);
    return { ok: true, review, confirmedFingerprint };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

/** Re-reads the item and evaluates it again with the policy already in hand. */
export async function reevaluate(
  gateway: PaneGateway,
  policy: Policy,
  policySource: PolicySource,
  onProgress?: ProgressListener,
): Promise<Outcome<{ review: Review }>> {
  try {
    return { ok: true, review: await evaluated(gateway, policy, policySource, onProgress) };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
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
