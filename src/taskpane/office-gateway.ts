// The real gateway: src/office for Outlook, src/api-client for the policy from the add-in's own origin.
import {
  approvalPublicKey,
  completeLinks,
  createApprovalRequest,
  createLinks,
  fetchPolicyDocument,
  latestApprovalRequest,
  myLinks,
  postAuditEvents,
  readApprovalRequest,
  readProtectZipAnswer,
  revokeLinks,
} from '../api-client/index.js';
import {
  addAttachmentFromBase64,
  cachePolicy,
  composingMeeting,
  canSendItem,
  sendItem,
  openNewMessage,
  prependBodyBlock,
  readAttachmentBase64,
  readApprovalRecord,
  readAuditQueue,
  writeAuditQueue,
  clientInfo,
  readMessageBody,
  mailboxUserAddress,
  recordApproval,
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
  readRecipientHistory,
  recordConfirmation,
  removeRecipient,
  updateInspectionCache,
  whenOfficeReady,
  supportsMailbox,
} from '../office/index.js';
import { randomHistoryKey } from '../check/index.js';
import { PROTECT_ZIP_PATH, type ApprovalPublicJwk } from '../protocol/index.js';
import { officeTokenSource } from './api-token.js';
import { inspectOfficeAttachment } from './attachment-inspector.js';
import { sendWithProgress, uploadFile } from './upload-file.js';
import type { PaneGateway } from './pane-gateway.js';

/** The pane is not bound by the send handler's 5-second budget, but a user is waiting. */
const POLICY_TIMEOUT_MS = 5_000;
const SNAPSHOT_TIMEOUT_MS = 10_000;
/** Office hands over or takes a 25 MB attachment in seconds; the server zips it in well under one. */
const ATTACHMENT_TIMEOUT_MS = 60_000;
const LINK_CALL_TIMEOUT_MS = 30_000;
/** An upload is given up only when no byte has moved for this long; a large file on a slow line may take minutes. */
const UPLOAD_STALL_MS = 60_000;

/** `paneSends`: the manifest grants ReadWriteMailbox (its pane URL says `?send=mailbox`, scripts/manifest.js). */
export function officeGateway(origin: string, paneSends = false): PaneGateway {
  const apiToken = officeTokenSource(origin);
  // The key does not change while the pane is open; one request, retried only after a failure.
  let approvalKey: Promise<ApprovalPublicJwk | null> | undefined;
  return {
    whenOfficeReady,
    displayLanguage,
    officeTheme,
    readSnapshot: () => readSnapshot({ timeoutMs: SNAPSHOT_TIMEOUT_MS }),
    readConfirmedFingerprint,
    recordConfirmation,
    composingMeeting,
    canSendFromPane: () => paneSends && canSendItem(),
    canHoldDelivery: () => supportsMailbox('1.13'),
    sendItem: () => sendItem({ timeoutMs: SNAPSHOT_TIMEOUT_MS }),
    moveToBcc,
    removeRecipient,
    onItemChanged,
    fetchPolicyDocument: () => fetchPolicyDocument(origin, POLICY_TIMEOUT_MS),
    readCachedPolicy,
    cachePolicy,
    nowMs: () => Date.now(),
    readRecipientHistory: (limits) => readRecipientHistory(limits, Date.now(), randomHistoryKey),
    readCachedInspections: () => readCachedInspections({ timeoutMs: SNAPSHOT_TIMEOUT_MS }),
    updateInspectionCache: (update) => updateInspectionCache(update, { timeoutMs: SNAPSHOT_TIMEOUT_MS }),
    inspectAttachment: inspectOfficeAttachment,
    readProtectionState: () => readProtectionState({ timeoutMs: SNAPSHOT_TIMEOUT_MS }),
    openNewMessage,
    readAttachmentBase64: (id) => readAttachmentBase64(id, { timeoutMs: ATTACHMENT_TIMEOUT_MS }),
    protectZip: async (request, onUpload) =>
      readProtectZipAnswer(
        await sendWithProgress({
          origin,
          method: 'POST',
          path: PROTECT_ZIP_PATH,
          token: await apiToken(),
          contentType: 'application/json',
          body: JSON.stringify(request),
          stallTimeoutMs: UPLOAD_STALL_MS,
          onProgress: onUpload,
        }),
      ),
    addAttachment: (base64, name) => addAttachmentFromBase64(base64, name, { timeoutMs: ATTACHMENT_TIMEOUT_MS }),
    listAttachments: async () => (await readSnapshot({ timeoutMs: SNAPSHOT_TIMEOUT_MS })).attachments,
    recordProtection: (update) => recordProtection(update, { timeoutMs: SNAPSHOT_TIMEOUT_MS }),
    removeAttachment: (id) => removeAttachment(id, { timeoutMs: SNAPSHOT_TIMEOUT_MS }),
    createLinks: async (request) => createLinks(origin, await apiToken(), request, LINK_CALL_TIMEOUT_MS),
    uploadLinkFile: async (path, bytes, onProgress) =>
      uploadFile({ origin, path, token: await apiToken(), bytes, stallTimeoutMs: UPLOAD_STALL_MS, onProgress }),
    completeLinks: async (packageId) => completeLinks(origin, await apiToken(), packageId, LINK_CALL_TIMEOUT_MS),
    revokeLinks: async (packageId) => revokeLinks(origin, await apiToken(), packageId, LINK_CALL_TIMEOUT_MS),
    myLinks: async () => myLinks(origin, await apiToken(), LINK_CALL_TIMEOUT_MS),
    prependBodyBlock: (block) => prependBodyBlock(block, { timeoutMs: SNAPSHOT_TIMEOUT_MS }),
    readApprovalRecord: () => readApprovalRecord({ timeoutMs: SNAPSHOT_TIMEOUT_MS }),
    recordApproval: (record) => recordApproval(record, { timeoutMs: SNAPSHOT_TIMEOUT_MS }),
    approvalKey: () =>
      (approvalKey ??= approvalPublicKey(origin, LINK_CALL_TIMEOUT_MS).catch((error: unknown) => {
        approvalKey = undefined;
        throw error;
      })),
    userAddress: mailboxUserAddress,
    // The content upload can be an approver's whole message with its attachments.
    requestApproval: async (request) => createApprovalRequest(origin, await apiToken(), request, UPLOAD_STALL_MS),
    readApprovalRequest: async (id) => readApprovalRequest(origin, await apiToken(), id, LINK_CALL_TIMEOUT_MS),
    latestApprovalRequest: async (fingerprint) => latestApprovalRequest(origin, await apiToken(), fingerprint, LINK_CALL_TIMEOUT_MS),
    readMessageBody: () => readMessageBody({ timeoutMs: SNAPSHOT_TIMEOUT_MS }),
    postAuditEvents: async (events) => postAuditEvents(origin, await apiToken(), { events }, LINK_CALL_TIMEOUT_MS),
    readAuditQueue: () => readAuditQueue({ timeoutMs: SNAPSHOT_TIMEOUT_MS }),
    writeAuditQueue: (events) => writeAuditQueue(events, { timeoutMs: SNAPSHOT_TIMEOUT_MS }),
    clientInfo,
    approvalPageUrl: (id) => `${origin.replace(/\/+$/, '')}/approve/${encodeURIComponent(id)}`,
  };
}
