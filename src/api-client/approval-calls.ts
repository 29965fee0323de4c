// The approver's page's and the sender's calls to the approvals API (docs/approval.md, "The API"). An attachment's bytes
// are fetched by the page itself (src/approve/attachment-download.ts): this layer also compiles for
// classic Outlook's runtime, whose fetch has no binary answers.
import { isRecord } from '../policy/index.js';
import {
  APPROVAL_PUBLIC_KEY_PATH,
  APPROVALS_PATH,
  parseApprovalPublicJwk,
  parseCreatedApproval,
  type ApprovalPublicJwk,
  type CreateApprovalRequest,
  type CreatedApproval,
  approvalContentPath,
  approvalDecisionPath,
  approvalPath,
  parseApprovalMessage,
  parseApprovalView,
  type ApprovalDecisionRequest,
  type ApprovalMessage,
  type ApprovalRequestView,
} from '../protocol/index.js';
import { callApi, parsedAnswer } from './api-call.js';
import { ApiError } from './api-error.js';

export async function readApprovalRequest(origin: string, token: string, id: string, timeoutMs: number): Promise<ApprovalRequestView> {
  const path = approvalPath(id);
  return parsedAnswer(parseApprovalView(await callApi(origin, { method: 'GET', path, token, timeoutMs })), path, 'a request');
}

export async function readApprovalMessage(origin: string, token: string, id: string, timeoutMs: number): Promise<ApprovalMessage> {
  const path = approvalContentPath(id);
  return parsedAnswer(parseApprovalMessage(await callApi(origin, { method: 'GET', path, token, timeoutMs })), path, 'a message');
}

export async function decideApprovalRequest(
  origin: string,
  token: string,
  id: string,
  decision: ApprovalDecisionRequest,
  timeoutMs: number,
): Promise<ApprovalRequestView> {
  const path = approvalDecisionPath(id);
  return parsedAnswer(
    parseApprovalView(await callApi(origin, { method: 'POST', path, token, body: decision, timeoutMs })),
    path,
    'the decided request',
  );
}

// The sender's calls, from the review pane.

export async function createApprovalRequest(
  origin: string,
  token: string,
  request: CreateApprovalRequest,
  timeoutMs: number,
): Promise<CreatedApproval> {
  return parsedAnswer(
    parseCreatedApproval(await callApi(origin, { method: 'POST', path: APPROVALS_PATH, token, body: request, timeoutMs })),
    APPROVALS_PATH,
    'a request id',
  );
}

/** The sender's newest request for this approval fingerprint; null when they have none (404). */
export async function latestApprovalRequest(
  origin: string,
  token: string,
  fingerprint: string,
  timeoutMs: number,
): Promise<ApprovalRequestView | null> {
  const path = `${APPROVALS_PATH}?fingerprint=${encodeURIComponent(fingerprint)}`;
  try {
    return parsedAnswer(parseApprovalView(await callApi(origin, { method: 'GET', path, token, timeoutMs })), path, 'a request');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** The key that verifies signed approvals; null when the server takes no approvals (no route: 404). */
export async function approvalPublicKey(origin: string, timeoutMs: number): Promise<ApprovalPublicJwk | null> {
  try {
    const answer = await callApi(origin, { method: 'GET', path: APPROVAL_PUBLIC_KEY_PATH, timeoutMs });
    const key = isRecord(answer) ? answer['key'] : undefined;
    return parsedAnswer(parseApprovalPublicJwk(key), APPROVAL_PUBLIC_KEY_PATH, 'a P-256 key');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
