import { AUDIT_EVENTS_PATH, type AuditBatch } from '../protocol/index.js';
import { callApi } from './api-call.js';

/** The pane's audit events, signed in (docs/admin.md "Audit"). */
export async function postAuditEvents(origin: string, token: string, batch: AuditBatch, timeoutMs: number): Promise<void> {
  await callApi(origin, { method: 'POST', path: AUDIT_EVENTS_PATH, token, body: batch, timeoutMs });
}
