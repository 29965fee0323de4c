// The audit filter form as the administrator fills it, and the API filter it stands for: dates are the
// viewer's calendar days, so `from` is local midnight and `to` the midnight after the last day (the route's
// `to` is exclusive).
import { isAuditDecision, isAuditEventKind, type AuditFilter } from '../protocol/index.js';

export interface AuditForm {
  readonly user: string;
  readonly decision: string;
  readonly rule: string;
  readonly kind: string;
  /** `YYYY-MM-DD` from a date field, or ''. */
  readonly from: string;
  readonly to: string;
  readonly limit: number;
}

export const AUDIT_LIMITS = [100, 500, 1000, 10_000] as const;

export const EMPTY_AUDIT_FORM: AuditForm = { user: '', decision: '', rule: '', kind: '', from: '', to: '', limit: 500 };

/** Local midnight of a `YYYY-MM-DD` day, `days` later, as ISO 8601; undefined for a blank or bad date. */
export function localDayStart(day: string, days = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) return undefined;
  const start = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return Number.isNaN(start.getTime()) ? undefined : start.toISOString();
}

export function filterOf(form: AuditForm): AuditFilter {
  const from = localDayStart(form.from);
  const to = localDayStart(form.to, 1);
  const user = form.user.trim();
  const rule = form.rule.trim();
  return {
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(user === '' ? {} : { user }),
    ...(isAuditDecision(form.decision) ? { decision: form.decision } : {}),
    ...(rule === '' ? {} : { rule }),
    ...(isAuditEventKind(form.kind) ? { kind: form.kind } : {}),
    limit: form.limit,
  };
}
