// What the send handler reports of each Send (docs/admin.md "Audit"): the decision, rule counts, outside
// domains and how long it took; never content. It runs after event.completed, so a Send is never slower
// for it; what cannot be delivered is kept on the item for the next Send or the pane.
import type { Check } from '../check/index.js';
import { notPosted } from '../office/index.js';
import { classifyRecipients, outsideDomainsOf } from '../policy/index.js';
import type { AuditDecision, AuditEventInput } from '../protocol/index.js';

export interface SendReport {
  readonly check: Check | null;
  readonly decision: AuditDecision;
  readonly durationMs: number;
}

export interface AuditPorts {
  readonly origin: string | null;
  readonly mailbox: string | null;
  readonly client: { readonly platform: string; readonly mailbox: string };
  readonly nowMs: number;
  readonly post: (origin: string, batch: { readonly mailbox: string; readonly events: readonly AuditEventInput[] }) => Promise<void>;
  readonly readQueue: () => Promise<readonly unknown[]>;
  readonly writeQueue: (events: readonly unknown[]) => Promise<void>;
  readonly policyDigest: (document: unknown) => string;
}

function ruleCounts(check: Check): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of check.verdict.findings) counts[finding.rule] = (counts[finding.rule] ?? 0) + 1;
  return counts;
}

export function sendEvent(report: SendReport, ports: Pick<AuditPorts, 'client' | 'nowMs' | 'policyDigest'>): AuditEventInput {
  const { check } = report;
  const event: AuditEventInput = {
    kind: 'send',
    at: new Date(ports.nowMs).toISOString(),
    client: ports.client,
    decision: report.decision,
    durationMs: Math.max(0, Math.round(report.durationMs)),
  };
  if (check === null) return event;
  const outside = new Set<string>();
  for (const entry of classifyRecipients(check.snapshot, check.policy)) for (const domain of outsideDomainsOf(entry)) outside.add(domain);
  return {
    ...event,
    policy: ports.policyDigest(check.policyDocument),
    rules: ruleCounts(check),
    outsideDomains: [...outside],
  };
}

/** Decisions after which the message has gone (or Send Anyway may send it without asking again). */
const SENT: readonly AuditDecision[] = ['allow', 'confirmed', 'dialog-confirm', 'error-allow'];

/** Never rejects: an audit that cannot be kept is lost, never a reason to disturb the user. */
export async function reportSend(report: SendReport, ports: AuditPorts): Promise<void> {
  const { origin, mailbox } = ports;
  if (origin === null || mailbox === null) return;
  const event = sendEvent(report, ports);
  if (SENT.includes(report.decision)) {
    // The item is on its way: there is nowhere left to keep the event if the post fails.
    await ports.post(origin, { mailbox, events: [event] }).catch(() => undefined);
    return;
  }
  // An unreadable queue is sent another time, by the pane or the next Send.
  const queued = (await readOrNull(ports)) ?? [];
  const events = [...(queued as AuditEventInput[]), event];
  // The queue is read again after the post: a second Send's handler (the user may press Send again once
  // this one completed) or the pane may have changed it meanwhile, and writing back the list read before
  // would wipe what they did (docs/admin.md "Audit").
  try {
    await ports.post(origin, { mailbox, events });
  } catch {
    // The Send did not go, so the item is still there: keep this event on it, next to what is there now.
    const current = await readOrNull(ports);
    await ports.writeQueue(current === null ? events : [...current, event]).catch(() => undefined);
    return;
  }
  if (queued.length === 0) return;
  const current = await readOrNull(ports);
  // Unreadable: left alone, since posting an event twice later is better than losing one.
  if (current === null) return;
  const left = notPosted(current, queued);
  if (left.length < current.length) await ports.writeQueue(left).catch(() => undefined);
}

async function readOrNull(ports: Pick<AuditPorts, 'readQueue'>): Promise<readonly unknown[] | null> {
  try {
    return await ports.readQueue();
  } catch {
    return null;
  }
}
