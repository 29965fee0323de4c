// Audit events as the server keeps them (docs/admin.md "Audit"): the route's schema has already refused
// every field that is not listed in src/protocol/audit.ts, so nothing of a message can be in them.
import { createHmac } from 'node:crypto';
import type { AuditDomains } from '../../policy/index.js';
import { parseIsoInstant, type AdminAuditEvent, type AuditEventInput } from '../../protocol/index.js';
import type { AuditEventRecord } from '../storage/records.js';

export interface AuditAuthor {
  readonly userId: string | null;
  readonly user: string;
  readonly verified: boolean;
}

/** 64 bits of HMAC-SHA-256: enough to count domains apart, short enough not to be mistaken for content. */
export function hashedDomain(key: Buffer, domain: string): string {
  return createHmac('sha256', key).update(domain.toLowerCase(), 'utf8').digest('hex').slice(0, 16);
}

export function storedDomains(domains: readonly string[], mode: AuditDomains, key: Buffer): string[] {
  if (mode === 'none') return [];
  const distinct = [...new Set(domains.map((domain) => domain.toLowerCase()))];
  return mode === 'plain' ? distinct : distinct.map((domain) => hashedDomain(key, domain));
}

/** A client clock far off is still kept, but never in the future of the server's own. */
function eventTime(at: string, receivedAt: number): number {
  const parsed = parseIsoInstant(at);
  return parsed === null ? receivedAt : Math.min(parsed, receivedAt);
}

export function auditRecords(
  events: readonly AuditEventInput[],
  author: AuditAuthor,
  settings: { readonly domains: AuditDomains; readonly key: Buffer; readonly receivedAt: number },
): AuditEventRecord[] {
  return events.map((event) => ({
    at: eventTime(event.at, settings.receivedAt),
    receivedAt: settings.receivedAt,
    userId: author.userId,
    user: author.user.toLowerCase(),
    verified: author.verified,
    kind: event.kind,
    platform: event.client.platform,
    mailbox: event.client.mailbox,
    policy: event.policy ?? null,
    decision: event.decision ?? null,
    rules: event.rules ?? {},
    domains: storedDomains(event.outsideDomains ?? [], settings.domains, settings.key),
    durationMs: event.durationMs ?? null,
    confirmSeconds: event.confirmSeconds ?? null,
  }));
}

const CSV_COLUMNS = [
  'at',
  'user',
  'verified',
  'kind',
  'platform',
  'mailbox',
  'policy',
  'decision',
  'rules',
  'domains',
  'durationMs',
  'confirmSeconds',
] as const;

/** RFC 4180, and a leading quote before = + - @ so a spreadsheet never runs a cell as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function exportedEvent(record: AuditEventRecord): AdminAuditEvent {
  return {
    at: new Date(record.at).toISOString(),
    user: record.user,
    verified: record.verified,
    kind: record.kind,
    platform: record.platform,
    mailbox: record.mailbox,
    policy: record.policy,
    decision: record.decision,
    rules: record.rules,
    domains: record.domains,
    durationMs: record.durationMs,
    confirmSeconds: record.confirmSeconds,
  };
}

export function auditCsv(records: readonly AuditEventRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const record of records) {
    const row = exportedEvent(record);
    lines.push(
      CSV_COLUMNS.map((column) => {
        const value = row[column];
        if (value === null) return '';
        if (column === 'rules')
          return csvCell(
            Object.entries(record.rules)
              .map(([rule, count]) => `${rule}:${count}`)
              .join(' '),
          );
        if (column === 'domains') return csvCell(record.domains.join(' '));
        return csvCell(String(value));
      }).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function auditJsonLines(records: readonly AuditEventRecord[]): string {
  return records.map((record) => `${JSON.stringify(exportedEvent(record))}\n`).join('');
}
