// The one check's ports in an event handler: src/office for the item, the policy endpoint on the
// add-in's origin, the policy embedded in the served bundle. Nothing here reads attachment content.
import type { CheckPorts } from '../check/index.js';
import { cachedOutcomes, randomHistoryKey } from '../check/index.js';
import { mailboxUserAddress, readRecipientHistory, readSendState, type Timers } from '../office/index.js';
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
    readHistory: (limits) => readRecipientHistory(limits, deps.now(), randomHistoryKey),
    findApproval: (fingerprint, stored) =>
      findApprovalInHandler(
        { deps, sender: mailboxUserAddress(), timeoutMs: timing.approvalLookupTimeoutMs, fetchOptions: { timers } },
        fingerprint,
        stored,
      ),
  };
}
