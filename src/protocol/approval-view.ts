// The approval API's answers as the approver's page reads them (docs/approval.md, "The API"); the paths
// it calls are in paths.ts. The server's own types are in src/server/approvals/approval-operations.ts.
import { fieldsOf, instant, isCount, isText, listOf, textsOf, type Fields } from './fields.js';

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'expired';

export interface ApprovalSummary {
  /** Rule ids, as the sender's check named them. */
  readonly rules: readonly string[];
  readonly outsideDomains: readonly string[];
  /** Attachment file names. */
  readonly attachments: readonly string[];
}

/** `GET /api/approvals/:id`, and the answer to a decision. */
export interface ApprovalRequestView {
  readonly id: string;
  readonly status: ApprovalStatus;
  readonly sender: string;
  readonly approvers: readonly string[];
  readonly fingerprint: string;
  readonly summary: ApprovalSummary;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly comment: string | null;
  readonly hasContent: boolean;
  /** The signed approval (compact JWS, ES256) once approved: the sender keeps it on the item. */
  readonly approval?: string;
}

export interface ApprovalAttachment {
  readonly index: number;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
}

/** `GET /api/approvals/:id/content`: exactly one of the two bodies is shown, the HTML one when present. */
export interface ApprovalMessage {
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly subject: string;
  readonly body: { readonly kind: 'html' | 'text'; readonly text: string };
  readonly attachments: readonly ApprovalAttachment[];
}

export type ApprovalDecision = 'approve' | 'reject';

/** `POST` to approvalDecisionPath: an approver's answer. */
export interface ApprovalDecisionRequest {
  readonly decision: ApprovalDecision;
  readonly comment?: string;
}

function isStatus(value: unknown): value is ApprovalStatus {
  return value === 'pending' || value === 'approved' || value === 'rejected' || value === 'expired';
}

function textOrNull(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : undefined;
}

function readSummary(value: unknown): ApprovalSummary | null {
  const fields = fieldsOf(value);
  if (fields === null) return null;
  const rules = textsOf(fields['rules'] ?? []);
  const outsideDomains = textsOf(fields['outsideDomains'] ?? []);
  const attachments = textsOf(fields['attachments'] ?? []);
  return rules === null || outsideDomains === null || attachments === null ? null : { rules, outsideDomains, attachments };
}

/** Null unless the answer has the request's id, a known status, its sender and both times. */
export function parseApprovalView(value: unknown): ApprovalRequestView | null {
  const fields = fieldsOf(value);
  if (fields === null) return null;
  const { id, status, sender, fingerprint, createdAt, expiresAt, hasContent } = fields;
  if (!isText(id) || !isStatus(status) || !isText(sender) || !isText(fingerprint) || !instant(createdAt) || !instant(expiresAt))
    return null;
  const approvers = textsOf(fields['approvers']);
  const summary = readSummary(fields['summary']);
  const decidedBy = textOrNull(fields['decidedBy']);
  const decidedAt = textOrNull(fields['decidedAt']);
  const comment = textOrNull(fields['comment']);
  if (approvers === null || summary === null || decidedBy === undefined || decidedAt === undefined || comment === undefined) return null;
  const { approval } = fields;
  return {
    id,
    status,
    sender,
    approvers,
    fingerprint,
    summary,
    createdAt,
    expiresAt,
    decidedBy,
    decidedAt,
    comment,
    hasContent: hasContent === true,
    ...(typeof approval === 'string' ? { approval } : {}),
  };
}

function readAttachment(fields: Fields): ApprovalAttachment | null {
  const { index, name, contentType, size } = fields;
  if (!isCount(index) || !isText(name) || !isCount(size)) return null;
  return { index, name, contentType: typeof contentType === 'string' ? contentType : 'application/octet-stream', size };
}

/** Null unless the answer has the headers and one body. */
export function parseApprovalMessage(value: unknown): ApprovalMessage | null {
  const fields = fieldsOf(value);
  if (fields === null) return null;
  const { from, subject, htmlBody, textBody } = fields;
  const to = textsOf(fields['to'] ?? []);
  const cc = textsOf(fields['cc'] ?? []);
  const bcc = textsOf(fields['bcc'] ?? []);
  const attachments = listOf(fields['attachments'] ?? [], readAttachment);
  if (typeof from !== 'string' || typeof subject !== 'string' || to === null || cc === null || bcc === null || attachments === null)
    return null;
  const body =
    typeof htmlBody === 'string'
      ? { kind: 'html' as const, text: htmlBody }
      : typeof textBody === 'string'
        ? { kind: 'text' as const, text: textBody }
        : null;
  return body === null ? null : { from, to, cc, bcc, subject, body, attachments };
}
