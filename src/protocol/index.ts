// Wire contracts between the add-in and the server: paths, shapes, and parsers for what comes back.
export { AUTH_CONFIG_PATH, parseClientAuthConfig, type ClientAuthConfig } from './auth-config.js';
export { PROTECT_ZIP_PATH, parseProtectZipAnswer, type ProtectZipAnswer, type ProtectZipRequest, type ZipMethod } from './protect-zip.js';
export {
  LINKS_PATH,
  MY_LINKS_PATH,
  completeLinksPath,
  revokeLinksPath,
  parseCompletedLinks,
  parseCreatedLinks,
  parseLinkSummary,
  parseMyLinks,
  type CompletedLinks,
  type CreateLinksRequest,
  type CreatedLinks,
  type LinkStatus,
  type LinkSummary,
} from './links.js';
export {
  APPROVALS_PATH,
  APPROVAL_GRANTED_PATH,
  APPROVAL_PUBLIC_KEY_PATH,
  approvalClaimsFromOrigin,
  parseApprovalPublicJwk,
  verifyApproval,
  type ApprovalCheck,
  type ApprovalExpectation,
  type ApprovalClaims,
  type ApprovalPublicJwk,
} from './approval.js';
export {
  approvalAttachmentPath,
  approvalContentPath,
  approvalDecisionPath,
  approvalPath,
  parseApprovalMessage,
  parseApprovalView,
  type ApprovalAttachment,
  type ApprovalDecision,
  type ApprovalMessage,
  type ApprovalRequestView,
  type ApprovalStatus,
  type ApprovalSummary,
} from './approval-view.js';
export { parseCreatedApproval, type ApprovalContent, type CreateApprovalRequest, type CreatedApproval } from './approval-request.js';
export {
  ADMIN_AUDIT_PATH,
  ADMIN_STATS_PATH,
  AUDIT_DECISIONS,
  AUDIT_EVENT_KINDS,
  AUDIT_EVENTS_PATH,
  AUDIT_HANDLER_EVENTS_PATH,
  MAX_AUDIT_BATCH,
  type AuditBatch,
  type AuditClient,
  type AuditDecision,
  type AuditEventInput,
  type AuditEventKind,
  type HandlerAuditBatch,
} from './audit.js';
export {
  auditQuery,
  isAuditDecision,
  isAuditEventKind,
  parseAdminAuditEvents,
  parseAdminStatistics,
  type AdminAuditEvent,
  type AdminStatistics,
  type AuditExportFormat,
  type AuditFilter,
  type Counted,
} from './admin-audit.js';
export {
  ADMIN_POLICY_PATH,
  ADMIN_POLICY_ROLLBACK_PATH,
  ADMIN_POLICY_VERSIONS_PATH,
  parseActivePolicy,
  parsePolicyProblems,
  parsePolicyVersion,
  parsePolicyVersions,
  type ActivePolicy,
  type PolicySource,
  type PolicyVersion,
  type PolicyVersionSummary,
  type PolicyVersionPage,
} from './admin-policy.js';
export { DEV_MAIL_PATH, parseDevMailAnswer, type CaughtMail, type DevMailAnswer } from './dev-mail.js';
export { parseApiErrorBody, type ApiErrorBody, type ApiRefusal } from './api-error-body.js';
