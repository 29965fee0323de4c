// The real gateway: src/office for Outlook, src/api-client for the policy from the add-in's own origin.
import { fetchPolicyDocument } from '../api-client/index.js';
import {
  cachePolicy,
  displayLanguage,
  moveToBcc,
  officeTheme,
  onItemChanged,
  readCachedInspections,
  readProtectionState,
  readCachedPolicy,
  readConfirmedFingerprint,
  readSnapshot,
  recordConfirmation,
  removeRecipient,
  updateInspectionCache,
  whenOfficeReady,
} from '../office/index.js';
import { inspectOfficeAttachment } from './attachment-inspector.js';
import type { PaneGateway } from './pane-gateway.js';

/** The pane is not bound by the send handler's 5-second budget, but a user is waiting. */
const POLICY_TIMEOUT_MS = 5_000;
const SNAPSHOT_TIMEOUT_MS = 10_000;

export function officeGateway(origin: string): PaneGateway {
  return {
    whenOfficeReady,
    displayLanguage,
    officeTheme,
    readSnapshot: () => readSnapshot({ timeoutMs: SNAPSHOT_TIMEOUT_MS }),
    readConfirmedFingerprint,
    recordConfirmation,
    moveToBcc,
    removeRecipient,
    onItemChanged,
    fetchPolicyDocument: () => fetchPolicyDocument(origin, POLICY_TIMEOUT_MS),
    readCachedPolicy,
    cachePolicy,
    nowMs: () => Date.now(),
    readCachedInspections: () => readCachedInspections({ timeoutMs: SNAPSHOT_TIMEOUT_MS }),
    updateInspectionCache: (update) => updateInspectionCache(update, { timeoutMs: SNAPSHOT_TIMEOUT_MS }),
    inspectAttachment: inspectOfficeAttachment,
    readProtectionState: () => readProtectionState({ timeoutMs: SNAPSHOT_TIMEOUT_MS }),
  };
}
