// The admin console's calls: audit events, their exports and the statistics (docs/admin.md "Console").
import {
  ADMIN_AUDIT_PATH,
  ADMIN_STATS_PATH,
  auditQuery,
  parseAdminAuditEvents,
  parseAdminStatistics,
  type AdminAuditEvent,
  type AdminStatistics,
  type AuditExportFormat,
  type AuditFilter,
} from '../protocol/index.js';
import { callApi, parsedAnswer } from './api-call.js';

export async function readAuditEvents(origin: string, token: string, filter: AuditFilter, timeoutMs: number): Promise<AdminAuditEvent[]> {
  const answer = await callApi(origin, { method: 'GET', path: `${ADMIN_AUDIT_PATH}?${auditQuery(filter, 'json')}`, token, timeoutMs });
  return parsedAnswer(parseAdminAuditEvents(answer), ADMIN_AUDIT_PATH, 'a list of events');
}

/** The path of an export; the console fetches its bytes itself (the answer is a file, not JSON). */
export function auditExportPath(filter: AuditFilter, format: Exclude<AuditExportFormat, 'json'>): string {
  return `${ADMIN_AUDIT_PATH}?${auditQuery(filter, format)}`;
}

export async function readAuditStatistics(
  origin: string,
  token: string,
  range: Pick<AuditFilter, 'from' | 'to'>,
  timeoutMs: number,
): Promise<AdminStatistics> {
  const query = auditQuery({
    ...(range.from === undefined ? {} : { from: range.from }),
    ...(range.to === undefined ? {} : { to: range.to }),
  });
  const path = query === '' ? ADMIN_STATS_PATH : `${ADMIN_STATS_PATH}?${query}`;
  const answer = await callApi(origin, { method: 'GET', path, token, timeoutMs });
  return parsedAnswer(parseAdminStatistics(answer), ADMIN_STATS_PATH, 'the statistics');
}
