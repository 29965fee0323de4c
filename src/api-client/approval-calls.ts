// The approver's page's calls to the approvals API (docs/approval.md, "The API"). An attachment's bytes
// are fetched by the page itself (src/approve/attachment-download.ts): this layer also compiles for
// classic Outlook's runtime, whose fetch has no binary answers.
import {
  approvalContentPath,
  approvalDecisionPath,
  approvalPath,
  parseApprovalMessage,
  parseApprovalView,
  type ApprovalDecision,
  type ApprovalMessage,
  type ApprovalRequestView,
} from '../protocol/index.js';
import { callApi, parsedAnswer } from './api-call.js';

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
  decision: { readonly decision: ApprovalDecision; readonly comment?: string },
  timeoutMs: number,
): Promise<ApprovalRequestView> {
  const path = approvalDecisionPath(id);
  return parsedAnswer(parseApprovalView(await callApi(origin, { method: 'POST', path, token, body: decision, timeoutMs })), path, 'the decided request');
}
