// The real gateway: src/office for Outlook, src/api-client for the policy from the add-in's own origin.
import { fetchPolicyDocument, protectZip } from '../api-client/index.js';
import {
  addAttachmentFromBase64,
  cachePolicy,
  openNewMessage,
  readAttachmentBase64,
  recordProtection,
  removeAttachment,
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
import { apiToken } from './api-token.js';
import { inspectOfficeAttachment } from './attachment-inspector.js';
import type { PaneGateway } from './pane-gateway.js';

/** The pane is not bound by the send handler's 5-second budget, but a user is waiting. */
const POLICY_TIMEOUT_MS = 5_000;
const SNAPSHOT_TIMEOUT_MS = 10_000;
/** Office hands over or takes a 25 MB attachment in seconds; the server zips it in well under one. */
const ATTACHMENT_TIMEOUT_MS = 60_000;
const ZIP_TIMEOUT_MS = 120_000;

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
    openNewMessage,
    readAttachmentBase64: (id) => readAttachmentBase64(id, { timeoutMs: ATTACHMENT_TIMEOUT_MS }),
    protectZip: async (request) => protectZip(origin, await apiToken(origin), request, ZIP_TIMEOUT_MS),
    addAttachment: (base64, name) => addAttachmentFromBase64(base64, name, { timeoutMs: ATTACHMENT_TIMEOUT_MS }),
    listAttachments: async () => (await readSnapshot({ timeoutMs: SNAPSHOT_TIMEOUT_MS })).attachments,
    recordProtection: (update) => recordProtection(update, { timeoutMs: SNAPSHOT_TIMEOUT_MS }),
    removeAttachment: (id) => removeAttachment(id, { timeoutMs: SNAPSHOT_TIMEOUT_MS }),
  };
}
