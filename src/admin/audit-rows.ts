// One audit event as the table shows it: every field in words, in the viewer's language and time zone.
import type { AdminAuditEvent } from '../protocol/index.js';
import type { AdminText } from './admin-text.js';

export interface AuditRow {
  readonly time: string;
  readonly user: string;
  readonly verified: boolean;
  readonly kind: string;
  readonly decision: string;
  /** "Outside recipient × 2", most findings first. */
  readonly rules: readonly string[];
  readonly client: string;
  readonly durations: readonly string[];
}

export function auditRow(event: AdminAuditEvent, text: AdminText): AuditRow {
  const rules = Object.keys(event.rules)
    .map((rule) => ({ rule, count: event.rules[rule] ?? 0 }))
    .sort((left, right) => right.count - left.count || (left.rule < right.rule ? -1 : 1))
    .map(({ rule, count }) => `${text.ruleName(rule)} × ${count}`);
  const durations: string[] = [];
  if (event.durationMs !== null) durations.push(text('admin.audit.durationMs', { ms: text.number(event.durationMs) }));
  if (event.confirmSeconds !== null) durations.push(text('admin.audit.confirmSeconds', { seconds: text.number(event.confirmSeconds) }));
  return {
    time: text.time(event.at),
    user: event.user,
    verified: event.verified,
    kind: text.label('admin.kind', event.kind),
    decision: event.decision === null ? text('admin.audit.none') : text.label('admin.decision', event.decision),
    rules,
    client: text(event.mailbox === '' ? 'admin.audit.clientNoSet' : 'admin.audit.client', {
      platform: event.platform,
      mailbox: event.mailbox,
    }),
    durations,
  };
}
