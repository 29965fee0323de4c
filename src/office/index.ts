// The Office gateway: the only code in the project that touches `Office.*`. Every `…Async` call goes
// through callOffice (office-call.ts): it rejects with OfficeCallError on failure or timeout.
export { OfficeCallError, type OfficeFailureKind } from './office-call-error.js';
export { systemTimers, DEFAULT_CALL_TIMEOUT_MS, type Timers, type CallOptions } from './timers.js';
export type { AppointmentItem, ComposeItem, MessageItem, OfficeHost, RecipientsApi } from './office-host.js';
export { composingMeeting } from './item-calls.js';
export {
  associateAction,
  clientInfo,
  displayLanguage,
  mailboxUserAddress,
  officeTheme,
  supportsMailbox,
  whenOfficeReady,
  type MailboxVersion,
  type OfficeThemeInfo,
} from './host-info.js';
export { readSnapshot, readSendState, readAttachmentList, type SendState } from './snapshot.js';
export {
  SESSION_KEYS,
  cachePolicy,
  readCachedInspections,
  readCachedPolicy,
  readConfirmedFingerprint,
  recordConfirmation,
  recordOriginalRecipients,
  sessionDataLimit,
  updateInspectionCache,
  readProtectionState,
  recordProtection,
  NOTHING_PROTECTED,
  readApprovalRecord,
  recordApproval,
  readAuditQueue,
  writeAuditQueue,
  readRecordedHold,
  recordHold,
  type ApprovalRecord,
} from './session-data.js';
export { fitInspectionCache, parseInspectionCache } from './inspection-cache.js';
export { notPosted } from './audit-queue.js';
export { readAttachmentBase64, type AttachmentRead } from './attachment-content.js';
export { readMessageBody, type MessageBody } from './message-body.js';
export {
  addAttachmentFromBase64,
  openNewMessage,
  prependBodyBlock,
  removeAttachment,
  type BodyBlock,
  type NewMessageForm,
} from './attachment-edits.js';
export { captureOriginalRecipients } from './original-recipients.js';
export { addToBcc, moveToBcc, removeRecipient } from './recipient-edits.js';
export { onItemChanged } from './item-events.js';
export { completeEvent, type LaunchEvent, type SendCompletion } from './send-event.js';
export { canSendItem, sendItem } from './send-item.js';
export { readDelayDelivery, setDelayDelivery, setInternetHeader } from './send-controls.js';
export { HISTORY_SETTING, readRecipientHistory, readStoredHistory, saveStoredHistory, type StoredHistory } from './roaming-history.js';
