// The one check's ports in an event handler: src/office for the item, the policy endpoint on the
// add-in's origin, the policy embedded in the served bundle. Nothing here reads attachment content.
import type { CheckPorts } from '../check/index.js';
import { cachedOutcomes, historyDay, randomHistoryKey } from '../check/index.js';
import { mailboxUserAddress, readSendState, readStoredHistory, type Timers } from '../office/index.js';
import { pruneHistory, type HistoryLimits, type RecipientHistory } from '../policy/index.js';
import { findApprovalInHandler } from './approval-lookup.js';
import type { HandlerDependencies, Timing } from './dependencies.js';

export function handlerPorts(deps: HandlerDependencies, timing: Timing, timers: Timers): CheckPorts {
  return {
    fetchPolicy: () => {
      const { origin } = deps.boot();
      if (origin === null) return Promise.resolve(null);
      return deps.fetchPolicyDocument(origin, timing.policyFetchTimeoutMs, { timers }).catch((error: unknown) => {
        console.warn('Preflight: policy fetch failed', error instanceof Error ? error.name : 'unknown');
        return null;
      });
    },
    readItem: () => readSendState({ timeoutMs: timing.officeCallTimeoutMs, timers }),
    embeddedPolicy: () => deps.boot().policyDocument,
    attachmentOutcomes: cachedOutcomes,
    readHistory: (limits) => readHistory(limits, deps.now()),
    findApproval: (fingerprint, stored) =>
      findApprovalInHandler(
        { deps, sender: mailboxUserAddress(), timeoutMs: timing.approvalLookupTimeoutMs, fetchOptions: { timers } },
        fingerprint,
        stored,
      ),
  };
}

/** The roaming settings' history, or null where this client has none; what was wrong is logged, never the content. */
export function readHistory(limits: HistoryLimits, nowMs: number): RecipientHistory | null {
  const stored = readStoredHistory(randomHistoryKey);
  if (stored.kind === 'unavailable') {
    console.warn('Preflight: no recipient history here', stored.reason);
    return null;
  }
  if (stored.kind === 'started' && stored.problem !== null)
    console.warn('Preflight: recipient history unreadable, starting anew', stored.problem);
  return pruneHistory(stored.history, historyDay(nowMs), limits);
}
