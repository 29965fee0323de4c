import type { FastifyInstance } from 'fastify';
import {
  ADMIN_AUDIT_PATH,
  ADMIN_STATS_PATH,
  AUDIT_DECISIONS,
  AUDIT_EVENT_KINDS,
  AUDIT_EVENTS_PATH,
  AUDIT_HANDLER_EVENTS_PATH,
  MAX_AUDIT_BATCH,
  parseIsoInstant,
  type ApiErrorBody,
  type AuditBatch,
  type HandlerAuditBatch,
} from '../../protocol/index.js';
import type { Policy } from '../../policy/index.js';
import { loadAuditKey } from '../audit/audit-key.js';
import { auditStatistics } from '../audit/audit-statistics.js';
import { auditCsv, auditJsonLines, auditRecords, exportedEvent, type AuditAuthor } from '../audit/audit-records.js';
import type { LinkConfig } from '../links/link-config.js';
import { DAY_MS } from '../links/link-limits.js';
import { ERROR_RESPONSE } from './links-schemas.js';
import { errorBody } from '../error-body.js';

export interface AuditRouteOptions {
  readonly links: LinkConfig | undefined;
  readonly policy: () => Policy;
  readonly now?: () => number;
  readonly purgeIntervalMs?: number;
}

const RULE_ID = '^[a-z][a-z-]{1,40}$';
const DOMAIN = '^[A-Za-z0-9.-]{1,253}$';

// Every field an event may carry; Fastify drops anything else before the handler runs, so no subject,
// body, file name or recipient address can be stored whatever a client sends.
const EVENT = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'at', 'client'],
  properties: {
    kind: { type: 'string', enum: AUDIT_EVENT_KINDS },
    at: { type: 'string', maxLength: 40, pattern: '^\\d{4}-\\d\\d-\\d\\dT' },
    client: {
      type: 'object',
      additionalProperties: false,
      required: ['platform', 'mailbox'],
      properties: {
        platform: { type: 'string', maxLength: 40, pattern: '^[A-Za-z0-9._ -]*$' },
        mailbox: { type: 'string', maxLength: 8, pattern: '^(1\\.\\d{1,2})?$' },
      },
    },
    policy: { type: 'string', pattern: '^[0-9a-f]{12}$' },
    decision: { type: 'string', enum: AUDIT_DECISIONS },
    rules: {
      type: 'object',
      maxProperties: 40,
      propertyNames: { pattern: RULE_ID },
      additionalProperties: { type: 'integer', minimum: 0, maximum: 100_000 },
    },
    outsideDomains: { type: 'array', maxItems: 100, items: { type: 'string', pattern: DOMAIN } },
    durationMs: { type: 'integer', minimum: 0, maximum: 3_600_000 },
    confirmSeconds: { type: 'number', minimum: 0, maximum: 86_400 },
  },
} as const;

const EVENTS = { type: 'array', minItems: 1, maxItems: MAX_AUDIT_BATCH, items: EVENT } as const;
const ACCEPTED = {
  202: { type: 'object', properties: { accepted: { type: 'integer' } } },
  400: ERROR_RESPONSE,
  401: ERROR_RESPONSE,
} as const;

const FILTER = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: { type: 'string', maxLength: 40, description: 'ISO 8601, inclusive' },
    to: { type: 'string', maxLength: 40, description: 'ISO 8601, exclusive' },
    user: { type: 'string', maxLength: 320 },
    decision: { type: 'string', enum: AUDIT_DECISIONS },
    rule: { type: 'string', pattern: RULE_ID },
    kind: { type: 'string', enum: AUDIT_EVENT_KINDS },
    limit: { type: 'integer', minimum: 1, maximum: 10_000, default: 500 },
    format: { type: 'string', enum: ['json', 'csv', 'jsonl'], default: 'json' },
  },
} as const;

interface FilterQuery {
  readonly from?: string;
  readonly to?: string;
  readonly user?: string;
  readonly decision?: string;
  readonly rule?: string;
  readonly kind?: string;
  readonly limit: number;
  readonly format: 'json' | 'csv' | 'jsonl';
}

interface TimeRange {
  readonly from?: number;
  readonly to?: number;
}

/** The filter's `from` and `to`, or the 400 body saying what is wrong with them. */
function timeRange(query: Pick<FilterQuery, 'from' | 'to'>): TimeRange | ApiErrorBody {
  const from = query.from === undefined ? undefined : parseIsoInstant(query.from);
  const to = query.to === undefined ? undefined : parseIsoInstant(query.to);
  if (from === null || to === null) return errorBody(400, 'from and to must be ISO 8601 times', { reason: 'bad-time' });
  if (from !== undefined && to !== undefined && from >= to) return errorBody(400, 'from must be earlier than to', { reason: 'bad-range' });
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/**
 * Audit events (docs/admin.md "Audit"). They live in the secure links' store, so without secure-link mode
 * there are none. The handler's route takes no token (event handlers cannot get one): what it sends is
 * kept as the mailbox's unverified claim, limited per client address like every route without a user.
 */
export async function auditRoutes(app: FastifyInstance, options: AuditRouteOptions): Promise<void> {
  const links = app.secureLinks;
  if (options.links === undefined || links === undefined) return;
  const { storage, keyring } = links.context;
  const key = await loadAuditKey(storage.keys, keyring, app.log);
  const now = options.now ?? (() => Date.now());

  const store = async (batch: AuditBatch, author: AuditAuthor): Promise<number> => {
    const records = auditRecords(batch.events, author, { domains: options.policy().audit.domains, key, receivedAt: now() });
    await storage.meta.appendAuditEvents(records);
    return records.length;
  };

  const purge = async (): Promise<void> => {
    await storage.exclusive('audit-purge', async () => {
      const removed = await storage.meta.purgeAuditEvents(now() - options.policy().audit.retentionDays * DAY_MS);
      if (removed > 0) app.log.info({ removed }, 'Audit purge');
    });
  };
  const timer = setInterval(
    () => {
      purge().catch((error: unknown) => app.log.error({ err: error }, 'Audit purge failed; the next run retries'));
    },
    options.purgeIntervalMs ?? 60 * 60_000,
  );
  timer.unref();
  app.addHook('preClose', async () => clearInterval(timer));
  app.decorate('purgeAudit', purge);

  app.post<{ Body: AuditBatch }>(
    AUDIT_EVENTS_PATH,
    {
      onRequest: [app.authenticate],
      bodyLimit: 256 * 1024,
      schema: {
        summary: 'Audit events from the review pane (signed in)',
        tags: ['audit'],
        body: { type: 'object', additionalProperties: false, required: ['events'], properties: { events: EVENTS } },
        response: ACCEPTED,
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const accepted = await store(request.body, { userId: user.id, user: user.email ?? user.id, verified: true });
      return reply.code(202).send({ accepted });
    },
  );

  app.post<{ Body: HandlerAuditBatch }>(
    AUDIT_HANDLER_EVENTS_PATH,
    {
      bodyLimit: 64 * 1024,
      schema: {
        summary: "Audit events from the send handler: the mailbox's own address, kept as an unverified claim",
        tags: ['audit'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['mailbox', 'events'],
          properties: { mailbox: { type: 'string', minLength: 3, maxLength: 320, pattern: '^[^\\s@]+@[^\\s@]+$' }, events: EVENTS },
        },
        response: ACCEPTED,
      },
    },
    async (request, reply) => {
      const batch = request.body;
      const accepted = await store(batch, { userId: null, user: batch.mailbox, verified: false });
      return reply.code(202).send({ accepted });
    },
  );

  app.get(
    ADMIN_AUDIT_PATH,
    {
      onRequest: [app.authenticate, app.requireAdmin],
      schema: {
        summary: 'Audit events, newest first, filtered; as JSON, CSV or JSON Lines (administrators)',
        tags: ['audit', 'admin'],
        querystring: FILTER,
        response: { 400: ERROR_RESPONSE, 401: ERROR_RESPONSE, 403: ERROR_RESPONSE },
      },
    },
    async (request, reply) => {
      const query = request.query as FilterQuery;
      const range = timeRange(query);
      if ('error' in range) return reply.code(400).send(range);
      const records = await storage.meta.auditEvents({
        limit: query.limit,
        ...range,
        ...(query.user === undefined ? {} : { user: query.user.toLowerCase() }),
        ...(query.decision === undefined ? {} : { decision: query.decision }),
        ...(query.rule === undefined ? {} : { rule: query.rule }),
        ...(query.kind === undefined ? {} : { kind: query.kind }),
      });
      reply.header('Cache-Control', 'no-store');
      if (query.format === 'csv') {
        return reply
          .header('Content-Disposition', 'attachment; filename="preflight-audit.csv"')
          .type('text/csv; charset=utf-8')
          .send(auditCsv(records));
      }
      if (query.format === 'jsonl') {
        return reply
          .header('Content-Disposition', 'attachment; filename="preflight-audit.jsonl"')
          .type('application/x-ndjson; charset=utf-8')
          .send(auditJsonLines(records));
      }
      return reply.send({ events: records.map(exportedEvent) });
    },
  );

  app.get(
    ADMIN_STATS_PATH,
    {
      onRequest: [app.authenticate, app.requireAdmin],
      schema: {
        summary: 'Figures from the audit: checks per day by decision, rules, blocks, confirmations, approvals (administrators)',
        tags: ['audit', 'admin'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { from: FILTER.properties.from, to: FILTER.properties.to },
        },
        response: { 400: ERROR_RESPONSE, 401: ERROR_RESPONSE, 403: ERROR_RESPONSE },
      },
    },
    async (request, reply) => {
      const range = timeRange(request.query as Pick<FilterQuery, 'from' | 'to'>);
      if ('error' in range) return reply.code(400).send(range);
      const records = await storage.meta.auditEvents({ limit: MAX_STATISTICS_EVENTS, ...range });
      return reply
        .header('Cache-Control', 'no-store')
        .send({ ...auditStatistics(records), events: records.length, capped: records.length === MAX_STATISTICS_EVENTS });
    },
  );
}

/** Statistics read at most this many events: beyond it, the figures cover the newest ones (docs/admin.md). */
export const MAX_STATISTICS_EVENTS = 200_000;

declare module 'fastify' {
  interface FastifyInstance {
    /** One audit purge now (the job also runs hourly); present in secure-link mode. */
    purgeAudit?: () => Promise<void>;
  }
}

// As approvalRoutes: skip encapsulation so `app.purgeAudit` is visible to the caller.
Object.assign(auditRoutes, { [Symbol.for('skip-override')]: true });
