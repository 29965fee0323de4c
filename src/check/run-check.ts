// The one send-time check: policy (one fallback chain), the item, content inspection (always subject and
// body), protection, verdict and whether this exact content was confirmed. The handler, the pane and the
// CLI call it and differ only in their ports and in what they make of the result.
import { summarizeMessage } from '../inspect/message-summary.js';
import {
  approvalFingerprint,
  evaluate as evaluatePolicy,
  pendingApproval,
  type ApprovalGrant,
  parsePolicy as parsePolicyDocument,
  type EvaluationContext,
  type InspectionSummary,
  type MessageSnapshot,
  type Policy,
  type ProtectionState,
  type RecipientHistory,
  type Verdict,
} from '../policy/index.js';
import { validPolicy, type ParsePolicy, type PolicySource, type ResolvedPolicy } from './policy-chain.js';
import type { CheckPorts, ItemState, StoredApproval } from './ports.js';

/** The pure parts, replaceable in tests. */
export interface CheckEngine {
  readonly parsePolicy: ParsePolicy;
  readonly evaluate: (snapshot: MessageSnapshot, policy: Policy, context: EvaluationContext) => Verdict;
}

export const DEFAULT_ENGINE: CheckEngine = { parsePolicy: parsePolicyDocument, evaluate: evaluatePolicy };

export interface Check {
  readonly policy: Policy;
  /** The document the policy was parsed from. */
  readonly policyDocument: unknown;
  readonly policySource: PolicySource;
  readonly snapshot: MessageSnapshot;
  readonly inspection: InspectionSummary;
  readonly inspectionNotSaved: boolean;
  readonly protection: ProtectionState | null;
  readonly verdict: Verdict;
  /** What an approval of this message is signed over; null when the policy asks none for it. */
  readonly approvalFingerprint: string | null;
  /** The sender's history the verdict was made with; null when none was read (see CheckPorts.readHistory). */
  readonly history: RecipientHistory | null;
  /** The verified approval the verdict counts; null when none was found. */
  readonly approval: ApprovalGrant | null;
  readonly confirmedFingerprint: string | null;
  /** A confirm verdict whose exact content the user already confirmed. */
  readonly confirmed: boolean;
}

/** Why a check has no verdict: the item could not be read, no policy was found, or something threw. */
export type CheckFailureReason = 'item' | 'policy' | 'internal';

export type CheckResult =
  | { readonly ok: true; readonly check: Check }
  | {
      readonly ok: false;
      readonly reason: CheckFailureReason;
      readonly error: unknown;
      /** The best policy known when it failed, for its onError; null when none. */
      readonly policy: Policy | null;
    };

class NoPolicy extends Error {
  override readonly name = 'NoPolicy';
}

type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value): Settled<T> => ({ ok: true, value }),
    (error: unknown): Settled<T> => ({ ok: false, error }),
  );
}

function attempt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return work();
  } catch (error) {
    return Promise.reject(error);
  }
}

function embeddedDocument(ports: Pick<CheckPorts, 'embeddedPolicy'>): unknown {
  try {
    return ports.embeddedPolicy();
  } catch {
    return null;
  }
}

/** The policy known before anything answers: the embedded copy. */
export function embeddedPolicy(ports: Pick<CheckPorts, 'embeddedPolicy'>, engine: CheckEngine = DEFAULT_ENGINE): Policy | null {
  return validPolicy(embeddedDocument(ports), engine.parsePolicy);
}

/** Never rejects: every failure is a CheckResult with the policy whose onError applies. */
export async function runCheck(ports: CheckPorts, engine: CheckEngine = DEFAULT_ENGINE): Promise<CheckResult> {
  const embeddedCopy = embeddedDocument(ports);
  const embedded = validPolicy(embeddedCopy, engine.parsePolicy);
  let known: Policy | null = embedded;
  try {
    const [fetched, item] = await Promise.all([settle(attempt(() => ports.fetchPolicy())), settle(attempt(() => ports.readItem()))]);
    const fetchedDocument = fetched.ok ? fetched.value : null;
    const fromServer = validPolicy(fetchedDocument, engine.parsePolicy);
    if (!item.ok) return { ok: false, reason: 'item', error: item.error, policy: fromServer ?? known };
    // Each document is parsed once: the server's and the embedded one above, the cached one here.
    const cached = fromServer === null ? validPolicy(item.value.cachedPolicy, engine.parsePolicy) : null;
    const resolved: ResolvedPolicy | null =
      fromServer !== null
        ? { policy: fromServer, source: 'server', document: fetchedDocument }
        : cached !== null
          ? { policy: cached, source: 'cache', document: item.value.cachedPolicy }
          : embedded !== null
            ? { policy: embedded, source: 'embedded', document: embeddedCopy }
            : null;
    if (resolved === null) return { ok: false, reason: 'policy', error: new NoPolicy('no policy'), policy: null };
    known = resolved.policy;
    if (resolved.source === 'server' && ports.cachePolicy !== undefined) {
      // Keeping the copy is a courtesy for the next check; failing to keep it changes nothing now.
      await attempt(() => ports.cachePolicy!(fetchedDocument)).catch(() => undefined);
    }
    const check = await evaluated(ports, engine, item.value, resolved);
    return { ok: true, check };
  } catch (error) {
    return { ok: false, reason: 'internal', error, policy: known };
  }
}

/** A history that cannot be read is no history: first-time-recipient stays silent, the check goes on. */
function historyOf(ports: CheckPorts, policy: Policy): RecipientHistory | null {
  if (!policy.recipientHistory.enabled || ports.readHistory === undefined) return null;
  try {
    return ports.readHistory(policy.recipientHistory);
  } catch {
    return null;
  }
}

/** A lookup that fails is no approval: the send stays stopped and the pane can ask again. */
async function approvalOf(
  ports: CheckPorts,
  verdict: Verdict,
  fingerprint: string,
  stored: StoredApproval | null,
): Promise<ApprovalGrant | null> {
  if (pendingApproval(verdict) === null || ports.findApproval === undefined) return null;
  return attempt(() => ports.findApproval!(fingerprint, stored)).catch(() => null);
}

async function evaluated(
  ports: CheckPorts,
  engine: CheckEngine,
  item: ItemState,
  { policy, source: policySource, document: policyDocument }: ResolvedPolicy,
): Promise<Check> {
  const { snapshot, protection, confirmedFingerprint } = item;
  const attachments = await ports.attachmentOutcomes(snapshot, item.cachedInspections);
  const inspection = summarizeMessage(snapshot, attachments.outcomes);
  const history = historyOf(ports, policy);
  const context: EvaluationContext = {
    inspection,
    ...(protection === null ? {} : { protection }),
    ...(history === null ? {} : { history }),
  };
  const first = engine.evaluate(snapshot, policy, context);
  const needsApproval = first.findings.some((finding) => finding.rule === 'approval-required');
  const fingerprint = needsApproval ? approvalFingerprint(snapshot, first) : null;
  const approval = fingerprint === null ? null : await approvalOf(ports, first, fingerprint, item.approval ?? null);
  // A verified approval only lowers the approval finding; its id, and so the fingerprint, stay the same.
  const verdict = approval === null ? first : engine.evaluate(snapshot, policy, { ...context, approval });
  return {
    policy,
    policyDocument,
    policySource,
    snapshot,
    inspection,
    inspectionNotSaved: attachments.notSaved,
    protection,
    verdict,
    history,
    approvalFingerprint: fingerprint,
    approval,
    confirmedFingerprint,
    confirmed: verdict.decision === 'confirm' && confirmedFingerprint !== null && confirmedFingerprint === verdict.fingerprint,
  };
}
