// The send handler's audit ports, bound to src/office and the add-in's own origin.
import { postHandlerAuditEvents } from '../api-client/index.js';
import { policyDigest } from '../check/index.js';
import { clientInfo, mailboxUserAddress, readAuditQueue, writeAuditQueue } from '../office/index.js';
import { reportSend, type SendReport } from './audit-report.js';
import type { Boot } from './dependencies.js';

/** Office calls after the Send was completed: short, and nobody waits for them. */
const QUEUE_CALL_TIMEOUT_MS = 1_000;

export function reportSendToServer(report: SendReport, boot: Boot, nowMs: number): void {
  void reportSend(report, {
    origin: boot.origin,
    mailbox: mailboxUserAddress(),
    client: clientInfo(),
    nowMs,
    post: postHandlerAuditEvents,
    readQueue: () => readAuditQueue({ timeoutMs: QUEUE_CALL_TIMEOUT_MS }),
    writeQueue: (events) => writeAuditQueue(events, { timeoutMs: QUEUE_CALL_TIMEOUT_MS }),
    policyDigest,
  }).catch(() => undefined);
}
