// Public surface of the policy core. Other layers import from here only.
export * from './types.js';
export { parsePolicy, DEFAULT_POLICY } from './parse-policy.js';
export { evaluate } from './evaluate.js';
export { attachmentKey } from './attachment-key.js';
export { keptPer, remembered } from './remembered.js';
export { toAsciiDomain, toUnicodeDomain, domainOfAddress, normalizeAddress, isWithinDomain } from './domain.js';
export { detectLookalike } from './lookalike.js';
export { lookalikeReferences, withScriptNames } from './rules/lookalike-domain.js';
export { recipientListOf, type PolicyRecipientList } from './recipient-list/policy-list.js';
export type { KnownDomain, LookalikeMatch, LookalikeReason, SuspiciousCharacter } from './lookalike.js';
export { characterName } from './lookalike/character-names.js';
export { parseInspectionSummary, parseAttachmentInspection } from './parse-inspection-summary.js';
export { parseProtectionState } from './parse-protection-state.js';
export { DEFAULT_PROTECTION, PROTECTION_LIMITS, PROTECTION_MODES } from './parse-protection.js';
export { dialogConfirmation, type DialogConfirmation } from './dialog-confirm.js';
export { DEFAULT_DIALOG_CONFIRM, NEVER_DIALOG_RULES, CONFIRM_PER } from './parse-send-moment.js';
export { holdUntil, NO_CONTROLS, sendControls, withoutAutoBcc, type SendControls } from './send-controls.js';
export {
  BCC_ACTIONS,
  CONTROL_SCOPES,
  DEFAULT_AUTO_BCC,
  DEFAULT_DELAY_SEND,
  MAX_AUTO_BCC,
  MAX_DELAY_MINUTES,
} from './parse-send-controls.js';
export { approvalFingerprint, approvalReasons, approversFor, pendingApproval, type ApprovalReason } from './approval.js';
export { DEFAULT_APPROVAL_HOURS, DEFAULT_APPROVAL_TRIGGERS, MAX_APPROVAL_HOURS } from './parse-approval.js';
export { classifyRecipient, classifyRecipients, outsideDomainsOf, type ClassifiedRecipient } from './classify.js';
export { AUDIT_DOMAINS, DEFAULT_AUDIT, MAX_AUDIT_RETENTION_DAYS } from './parse-audit.js';
export { jsonValue, lineAndColumn, parseJsonText, syntaxDetail, type JsonSyntaxError, type JsonText } from './json/json-text.js';
export { strictUtf8Text } from './json/utf8-text.js';
export { parsePolicyText } from './policy-text.js';
export {
  ROOT_PATH,
  booleanReader,
  checkKeys,
  childPath,
  choiceReader,
  hasKey,
  integerReader,
  isRecord,
  listReader,
  readMember,
  readRequired,
  recordReader,
  report,
  stringReader,
  type IntegerProblems,
  type JsonProblem,
  type JsonReader,
  type JsonRecord,
  type KeyProblems,
} from './json/json-reader.js';
export { describeError } from './describe-error.js';
export {
  emptyHistory,
  historyDay,
  pruneHistory,
  recordRecipients,
  standingOfNormalized,
  type HistoryLimits,
  type RecipientHistory,
} from './history/recipient-history.js';
export {
  historyTextLines,
  readHistoryList,
  recordHistoryList,
  type HistoryLineProblem,
  type HistoryLineProblemCode,
  type HistoryList,
  type HistoryListEntry,
} from './history/history-list.js';
export {
  decodeHistory,
  encodeHistory,
  historyKeyFrom,
  MAX_HISTORY_ENTRIES,
  type DecodedHistory,
  type HistoryProblemCode,
} from './history/history-codec.js';
export { fromBase64Url } from './history/base64url.js';
