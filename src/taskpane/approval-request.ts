// What the pane uploads when the sender asks for approval: the approvers the policy names for them, the
// summary the approver sees first, and the message as Outlook has it (docs/approval.md).
import type { MessageBody } from '../office/index.js';
import {
  approversFor,
  classifyRecipients,
  outsideDomainsOf,
  type ApprovalPolicy,
  type MessageSnapshot,
  type Policy,
  type Verdict,
} from '../policy/index.js';
import type { ApprovalContent, CreateApprovalRequest } from '../protocol/index.js';

export interface ApprovalAttachmentFile {
  readonly name: string;
  readonly base64: string;
}

export interface ApprovalRequestInput {
  readonly policy: Policy & { readonly approval: ApprovalPolicy };
  readonly snapshot: MessageSnapshot;
  readonly verdict: Verdict;
  readonly fingerprint: string;
  /** Read only when the policy lets the approver see content. */
  readonly body: MessageBody | null;
  readonly attachments: readonly ApprovalAttachmentFile[];
}

function distinct(values: readonly string[]): string[] {
  return values.filter((value, index) => value !== '' && values.indexOf(value) === index);
}

function addresses(recipients: MessageSnapshot['to']): string[] {
  return recipients.map((recipient) => recipient.address.trim()).filter((address) => address !== '');
}

export function approvalRequest(input: ApprovalRequestInput): CreateApprovalRequest {
  const { policy, snapshot, verdict } = input;
  const { approval } = policy;
  // A list's own domain may be internal: the domains it reaches are what the approver must see ('' unknown).
  const outside = classifyRecipients(snapshot, policy)
    .filter((entry) => entry.external)
    .map(outsideDomainsOf);
  const summary = {
    rules: distinct(verdict.findings.filter((finding) => finding.rule !== 'approval-required').map((finding) => finding.rule)),
    outsideDomains: distinct(outside.flatMap((reached) => (reached.length === 0 ? [''] : reached))),
    attachments: distinct(snapshot.attachments.filter((attachment) => !attachment.inline).map((attachment) => attachment.name)),
  };
  const request: CreateApprovalRequest = {
    fingerprint: input.fingerprint,
    approvers: approversFor(approval, snapshot.from?.address),
    expiresHours: approval.expiresHours,
    includeContent: approval.includeContent,
    summary,
  };
  if (!approval.includeContent || input.body === null) return request;
  const content: ApprovalContent = {
    from: snapshot.from?.address ?? '',
    to: addresses(snapshot.to),
    cc: addresses(snapshot.cc),
    bcc: addresses(snapshot.bcc),
    subject: snapshot.subject,
    ...(input.body.kind === 'html' ? { htmlBody: input.body.text } : { textBody: input.body.text }),
    attachments: input.attachments.map((file) => ({ name: file.name, base64: file.base64 })),
  };
  return { ...request, content };
}
