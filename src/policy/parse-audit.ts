// Reader for `audit`: what the server keeps of each send decision (docs/admin.md "Audit"). Never content:
// the only choice is how outside domains are kept.
import { objectReader, readChoice, readField, readInteger } from './policy-fields.js';
import type { AuditDomains, AuditPolicy } from './types.js';

export const AUDIT_DOMAINS: readonly AuditDomains[] = ['plain', 'hashed', 'none'];
/** Ten years: longer is an archive, not an audit trail the server should hold. */
export const MAX_AUDIT_RETENTION_DAYS = 3650;

/** Hashed by default: statistics can still count a domain without the server holding the name. */
export const DEFAULT_AUDIT: AuditPolicy = Object.freeze({ domains: 'hashed', retentionDays: 180 });

export const readAudit = objectReader(
  ['domains', 'retentionDays'],
  ' with "domains" and "retentionDays"',
  (record, path, problems): AuditPolicy => ({
    domains: readField(record, 'domains', path, problems, readChoice(AUDIT_DOMAINS), DEFAULT_AUDIT.domains),
    retentionDays: readField(
      record,
      'retentionDays',
      path,
      problems,
      readInteger(1, MAX_AUDIT_RETENTION_DAYS),
      DEFAULT_AUDIT.retentionDays,
    ),
  }),
);
