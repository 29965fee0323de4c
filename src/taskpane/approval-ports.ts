// What the pane needs for supervisor approval, and how its check finds an approval (docs/approval.md).
import type { StoredApproval } from '../check/index.js';
import type { ApprovalRecord, MessageBody } from '../office/index.js';
import type { ApprovalGrant } from '../policy/index.js';
import {
  verifyApproval,
  type ApprovalPublicJwk,
  type ApprovalRequestView,
  type CreateApprovalRequest,
  type CreatedApproval,
} from '../protocol/index.js';

export interface ApprovalPorts {
  readApprovalRecord(): Promise<ApprovalRecord | null>;
  recordApproval(record: ApprovalRecord): Promise<void>;
  /** The server's approval key; null when the server takes no approvals (not in secure-link mode). */
  approvalKey(): Promise<ApprovalPublicJwk | null>;
  /** The signed-in mailbox's address: the sender the server signs. */
  userAddress(): string | null;
  requestApproval(request: CreateApprovalRequest): Promise<CreatedApproval>;
  readApprovalRequest(id: string): Promise<ApprovalRequestView>;
  /** The sender's newest request for this approval fingerprint; null when there is none. */
  latestApprovalRequest(fingerprint: string): Promise<ApprovalRequestView | null>;
  readMessageBody(): Promise<MessageBody>;
  /** Where the approver decides: the link the server mails. */
  approvalPageUrl(id: string): string;
}

/**
 * The pane's check asks here. An approval kept on the item is verified with the server's key; otherwise the
 * server is asked for the request (the stored one, or the newest for this content) and a signed approval it
 * holds is verified and kept on the item, so the send handler verifies it offline at Send.
 */
export async function findApprovalInPane(
  ports: ApprovalPorts,
  nowMs: number,
  fingerprint: string,
  stored: StoredApproval | null,
): Promise<ApprovalGrant | null> {
  const [key, sender] = [await ports.approvalKey(), ports.userAddress()];
  if (key === null || sender === null) return null;
  const expected = { fingerprint, sender, nowMs };
  if (stored !== null && stored.fingerprint === fingerprint && stored.token !== null) {
    const checked = await verifyApproval(stored.token, key, expected);
    if (checked.ok) return { approver: checked.claims.approver };
  }
  const record = await ports.readApprovalRecord();
  const view =
    record !== null && record.fingerprint === fingerprint
      ? await ports.readApprovalRequest(record.requestId)
      : await ports.latestApprovalRequest(fingerprint);
  if (view === null || view.approval === undefined) return null;
  const checked = await verifyApproval(view.approval, key, expected);
  if (!checked.ok) return null;
  await ports.recordApproval({ requestId: view.id, fingerprint, token: view.approval });
  return { approver: checked.claims.approver };
}
