import { AUDIT_HANDLER_EVENTS_PATH, type HandlerAuditBatch } from '../protocol/index.js';
import { absoluteOrigin } from './fetch-policy.js';

/**
 * The send handler's audit events, without a token and without a timeout of its own: nothing waits for
 * it (the send has been completed), and a timer would outlive the handler's run. Resolves when the server
 * took them; rejects otherwise, so the caller can keep them for later.
 */
export async function postHandlerAuditEvents(origin: string, batch: HandlerAuditBatch): Promise<void> {
  const base = absoluteOrigin(origin);
  if (base === null) throw new Error(`not an absolute origin: ${origin}`);
  const response = await fetch(`${base}${AUDIT_HANDLER_EVENTS_PATH}`, {
    method: 'POST',
    cache: 'no-store',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(batch),
  });
  if (!response.ok) throw new Error(`audit events: HTTP ${response.status}`);
}
