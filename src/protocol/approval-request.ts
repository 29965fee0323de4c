// What the review pane sends to ask for approval (POST /api/approvals, docs/approval.md "The API").
import type { ApprovalAttachment, ApprovalSummary } from './approval-view.js';

/** The message as Outlook has it; exactly one body. Attachments are base64, as Office hands them out. */
export interface ApprovalContent {
  readonly from: string;
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  readonly bcc?: readonly string[];
  readonly subject: string;
  readonly htmlBody?: string;
  readonly textBody?: string;
  readonly attachments?: readonly { readonly name: string; readonly contentType?: string; readonly base64: string }[];
}

/** `GET` approvalContentPath: the content for the approver, each attachment listed instead of included. */
export type ApprovalContentAnswer = Omit<ApprovalContent, 'attachments'> & { readonly attachments: readonly ApprovalAttachment[] };

export interface CreateApprovalRequest {
  /** The approval fingerprint (src/policy/approval.ts): what the signature will cover. */
  readonly fingerprint: string;
  readonly approvers: readonly string[];
  readonly expiresHours: number;
  readonly includeContent?: boolean;
  readonly summary?: Partial<ApprovalSummary>;
  readonly content?: ApprovalContent;
}

/** The answer to a request: it is pending, and whether the approvers were mailed. */
export interface CreatedApproval {
  readonly id: string;
  readonly status: 'pending';
  readonly expiresAt: string;
  readonly mailed: boolean;
}

export function parseCreatedApproval(value: unknown): CreatedApproval | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, status, expiresAt, mailed } = value as Record<string, unknown>;
  if (typeof id !== 'string' || status !== 'pending' || typeof expiresAt !== 'string' || typeof mailed !== 'boolean') return null;
  return { id, status, expiresAt, mailed };
}
