// Calls to the Preflight backend. Responses are returned as parsed JSON; the caller validates them.
export { fetchPolicyDocument, type FetchOptions, type FetchTimers } from './fetch-policy.js';
export { fetchGrantedApproval } from './fetch-granted-approval.js';
export { postHandlerAuditEvents } from './post-audit.js';
export { postAuditEvents } from './audit-calls.js';
export { auditExportPath, readAuditEvents, readAuditStatistics } from './admin-calls.js';
export { readActivePolicy, readPolicyVersions, rollbackPolicy, savePolicy } from './admin-policy-calls.js';
export { ApiError, httpError, serverMessage, type ApiFailure } from './api-error.js';
export { callApi, type ApiRequest } from './api-call.js';
export { fetchAuthConfig, readProtectZipAnswer } from './protection-calls.js';
export { completeLinks, createLinks, myLinks, revokeLinks } from './link-calls.js';
export {
  approvalPublicKey,
  createApprovalRequest,
  decideApprovalRequest,
  latestApprovalRequest,
  readApprovalMessage,
  readApprovalRequest,
} from './approval-calls.js';
export { readDevMail } from './dev-mail-calls.js';
