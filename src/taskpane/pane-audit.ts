// What the pane reports to the audit (docs/admin.md "Audit"): confirmations with the seconds they took,
// protections, and the send handler's events it left on the item. Never content; never in the user's way.
import { policyDigest } from '../check/index.js';
import { notPosted } from '../office/index.js';
import { classifyRecipients, outsideDomainsOf } from '../policy/index.js';
import type { AuditDecision, AuditEventInput, AuditEventKind } from '../protocol/index.js';
import type { Review } from './review-session.js';

export interface PaneAuditPorts {
  postAuditEvents(events: readonly AuditEventInput[]): Promise<void>;
  readAuditQueue(): Promise<readonly unknown[]>;
  writeAuditQueue(events: readonly unknown[]): Promise<void>;
  clientInfo(): { readonly platform: string; readonly mailbox: string };
  nowMs(): number;
}

export function paneEvent(
  ports: Pick<PaneAuditPorts, 'clientInfo' | 'nowMs'>,
  review: Review,
  kind: AuditEventKind,
  decision: AuditDecision,
  confirmSeconds?: number,
): AuditEventInput {
  const rules: Record<string, number> = {};
  for (const finding of review.verdict.findings) rules[finding.rule] = (rules[finding.rule] ?? 0) + 1;
  const outside = classifyRecipients(review.snapshot, review.policy).flatMap(outsideDomainsOf);
  return {
    kind,
    at: new Date(ports.nowMs()).toISOString(),
    client: ports.clientInfo(),
    policy: policyDigest(review.policyDocument),
    decision,
    rules,
    outsideDomains: [...new Set(outside)],
    ...(confirmSeconds === undefined ? {} : { confirmSeconds: Math.round(confirmSeconds * 10) / 10 }),
  };
}

/** Fire and forget: a lost audit event is never a reason to disturb the user. */
export function report(ports: PaneAuditPorts, event: AuditEventInput): void {
  ports.postAuditEvents([event]).catch(() => undefined);
}

/**
 * The send handler's undelivered events, sent by the pane (signed in) and then cleared from the item.
 * The handler runs outside the pane's queue and may add an event while the post is under way, so the
 * queue is read again and only what was posted is taken out.
 */
export async function flushHandlerQueue(ports: PaneAuditPorts): Promise<void> {
  try {
    const queued = await ports.readAuditQueue();
    if (queued.length === 0) return;
    await ports.postAuditEvents(queued as AuditEventInput[]);
    const current = await ports.readAuditQueue();
    const left = notPosted(current, queued);
    if (left.length < current.length) await ports.writeAuditQueue(left);
  } catch {
    // Kept on the item: the next Send or the next pane tries again.
  }
}
