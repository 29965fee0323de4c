import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  APPROVAL_ATTACHMENT_ROUTE,
  APPROVAL_CONTENT_ROUTE,
  APPROVAL_DECISION_ROUTE,
  APPROVAL_GRANTED_PATH,
  APPROVAL_PUBLIC_KEY_PATH,
  APPROVAL_ROUTE,
  APPROVALS_PATH,
  type ApprovalDecisionRequest,
  type ApprovalContentAnswer,
  type ApprovalRequestView,
  type CreateApprovalRequest,
  type CreatedApproval,
} from '../../protocol/index.js';
import {
  createApproval,
  decideApproval,
  grantedApproval,
  latestApproval,
  purgeApprovals,
  readApproval,
  readContent,
  type ApprovalContext,
  type PurgeApprovalsReport,
} from '../approvals/approval-operations.js';
import { DEFAULT_APPROVAL_SETTINGS, MAX_EXPIRY_HOURS, MIN_EXPIRY_HOURS, type ApprovalSettings } from '../approvals/approval-settings.js';
import { loadApprovalSigningKey } from '../approvals/signing-key.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { contentDisposition } from '../links/content-disposition.js';
import type { Failure } from '../links/link-context.js';
import { smtpApprovalMailer, type ApprovalMailer } from '../mail/approval-mailer.js';
import type { LinkConfig } from '../links/link-config.js';
import { ERROR_RESPONSE, PACKAGE_ID, type Refusal } from './links-schemas.js';
import { errorBody } from '../error-body.js';

export interface Approvals {
  readonly context: ApprovalContext;
  /** One purge run now (the job also runs on its interval). */
  purgeOnce(): Promise<PurgeApprovalsReport>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Present when secure-link mode (the store and keys approvals share) is configured. */
    approvals?: Approvals;
  }
}

export interface ApprovalRouteOptions {
  /** The secure-link configuration: approvals use its data directory, keys and SMTP relay. */
  readonly links: LinkConfig | undefined;
  readonly publicOrigin: string;
  readonly settings?: Partial<ApprovalSettings>;
  readonly now?: () => number;
  /** Replaces the SMTP mailer built from the configuration. */
  readonly mailer?: ApprovalMailer | null;
  readonly purgeJob?: boolean;
}

const STRINGS = { type: 'array', maxItems: 200, items: { type: 'string', maxLength: 320 } } as const;
const ADDRESSES = { type: 'array', maxItems: 500, items: { type: 'string', maxLength: 320 } } as const;

const CREATE_BODY = {
  type: 'object',
  required: ['fingerprint', 'approvers', 'expiresHours'],
  additionalProperties: false,
  properties: {
    fingerprint: { type: 'string', pattern: '^[0-9A-Fa-f]{8,128}$' },
    approvers: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'string', minLength: 3, maxLength: 320 } },
    expiresHours: { type: 'integer', minimum: MIN_EXPIRY_HOURS, maximum: MAX_EXPIRY_HOURS },
    includeContent: { type: 'boolean' },
    summary: {
      type: 'object',
      additionalProperties: false,
      properties: { rules: STRINGS, outsideDomains: STRINGS, attachments: STRINGS },
    },
    content: {
      type: 'object',
      required: ['from', 'to', 'subject'],
      additionalProperties: false,
      properties: {
        from: { type: 'string', maxLength: 320 },
        to: ADDRESSES,
        cc: ADDRESSES,
        bcc: ADDRESSES,
        subject: { type: 'string', maxLength: 4096 },
        htmlBody: { type: 'string' },
        textBody: { type: 'string' },
        attachments: {
          type: 'array',
          maxItems: 100,
          items: {
            type: 'object',
            required: ['name', 'base64'],
            additionalProperties: false,
            properties: {
              name: { type: 'string', minLength: 1, maxLength: 255 },
              contentType: { type: 'string', maxLength: 127 },
              base64: { type: 'string', pattern: '^[A-Za-z0-9+/]*={0,2}$' },
            },
          },
        },
      },
    },
  },
} as const;

const CREATED_RESPONSE = {
  type: 'object',
  properties: { id: { type: 'string' }, status: { type: 'string' }, expiresAt: { type: 'string' }, mailed: { type: 'boolean' } },
} as const;

const NULLABLE_TEXT = { type: ['string', 'null'] } as const;
const VIEW_RESPONSE = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: ['pending', 'approved', 'rejected', 'expired'] },
    sender: { type: 'string' },
    approvers: { type: 'array', items: { type: 'string' } },
    fingerprint: { type: 'string' },
    summary: {
      type: 'object',
      properties: {
        rules: { type: 'array', items: { type: 'string' } },
        outsideDomains: { type: 'array', items: { type: 'string' } },
        attachments: { type: 'array', items: { type: 'string' } },
      },
    },
    createdAt: { type: 'string' },
    expiresAt: { type: 'string' },
    decidedBy: NULLABLE_TEXT,
    decidedAt: NULLABLE_TEXT,
    comment: NULLABLE_TEXT,
    hasContent: { type: 'boolean' },
    approval: { type: 'string', description: 'The signed approval (compact JWS, ES256), once approved' },
  },
} as const;

const DECISION_BODY = {
  type: 'object',
  required: ['decision'],
  additionalProperties: false,
  properties: { decision: { type: 'string', enum: ['approve', 'reject'] }, comment: { type: 'string', maxLength: 2000 } },
} as const;

const ID_PARAMS = { type: 'object', required: ['id'], properties: { id: PACKAGE_ID } } as const;
const ERRORS = {
  400: ERROR_RESPONSE,
  401: ERROR_RESPONSE,
  403: ERROR_RESPONSE,
  404: ERROR_RESPONSE,
  409: ERROR_RESPONSE,
  410: ERROR_RESPONSE,
} as const;
function signedIn(request: FastifyRequest): AuthenticatedUser {
  if (request.user === undefined) throw new Error('route ran without app.authenticate');
  return request.user;
}

function refuse(reply: FastifyReply, failure: Failure): FastifyReply {
  return reply.code(failure.status).send(errorBody(failure.status, failure.message, { reason: failure.reason }));
}

function startPurgeJob(context: ApprovalContext, log: FastifyInstance['log']): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = (): void => {
    running = running
      .then(() =>
        context.storage.exclusive('approval-purge', async () => {
          const report = await purgeApprovals(context);
          if (report.shredded + report.purged > 0) log.info({ ...report }, 'Approval purge');
        }),
      )
      .then(
        () => undefined,
        (error: unknown) => log.error({ err: error }, 'Approval purge failed; the next run retries'),
      );
  };
  run();
  const timer = setInterval(run, context.settings.purgeIntervalMinutes * 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * Supervisor approval (docs/approval.md). Shares the secure links' store, keys and relay, so it is
 * registered after linkRoutes and does nothing without them.
 */
export async function approvalRoutes(app: FastifyInstance, options: ApprovalRouteOptions): Promise<void> {
  const links = app.secureLinks;
  if (options.links === undefined || links === undefined) return;
  const settings: ApprovalSettings = { ...DEFAULT_APPROVAL_SETTINGS, ...options.settings };
  const { storage, keyring } = links.context;
  const signingKey = await loadApprovalSigningKey(storage.keys, keyring, app.log);
  const mailer =
    options.mailer !== undefined ? options.mailer : options.links.smtp === null ? null : smtpApprovalMailer(options.links.smtp);
  const context: ApprovalContext = {
    storage,
    keyring,
    signingKey,
    settings,
    now: options.now ?? links.context.now,
    mailer,
    publicOrigin: options.publicOrigin,
    log: app.log,
  };
  const stop = options.purgeJob === false ? async () => undefined : startPurgeJob(context, app.log);
  // preClose, not onClose: the purge must finish before an onClose hook closes the shared store.
  app.addHook('preClose', async () => {
    await stop();
    mailer?.close();
  });
  app.decorate('approvals', { context, purgeOnce: () => purgeApprovals(context) });
  await app.register(async (api) => {
    api.addHook('onSend', async (_request, reply) => {
      reply.header('Cache-Control', 'no-store');
    });
    const user = [api.authenticate];

    api.get(
      APPROVAL_PUBLIC_KEY_PATH,
      {
        schema: {
          summary: 'The public key (JWK, ES256) that verifies signed approvals',
          tags: ['approvals'],
          response: {
            200: {
              type: 'object',
              properties: {
                key: {
                  type: 'object',
                  properties: {
                    kty: { type: 'string' },
                    crv: { type: 'string' },
                    x: { type: 'string' },
                    y: { type: 'string' },
                    kid: { type: 'string' },
                  },
                },
              },
            },
          },
        },
      },
      async (_request, reply) => reply.send({ key: signingKey.publicJwk }),
    );

    api.get<{ Querystring: { fingerprint: string; sender: string } }>(
      APPROVAL_GRANTED_PATH,
      {
        schema: {
          summary:
            "A sender's signed approval for a message fingerprint, for the send handler (no sign-in; rate-limited per sender and fingerprint)",
          tags: ['approvals'],
          querystring: {
            type: 'object',
            required: ['fingerprint', 'sender'],
            additionalProperties: false,
            properties: {
              fingerprint: { type: 'string', pattern: '^[0-9A-Fa-f]{8,128}$' },
              sender: { type: 'string', minLength: 3, maxLength: 320, pattern: '@' },
            },
          },
          response: { 200: { type: 'object', properties: { approval: { type: 'string' } } }, ...ERRORS },
        },
      },
      async (request, reply) => {
        const { fingerprint, sender } = request.query;
        const found = await grantedApproval(context, sender, fingerprint);
        return found.ok ? reply.send(found.value) : refuse(reply, found.failure);
      },
    );

    api.post<{ Body: CreateApprovalRequest; Reply: CreatedApproval | Refusal }>(
      APPROVALS_PATH,
      {
        onRequest: user,
        bodyLimit: settings.maxContentBytes + 64 * 1024,
        schema: {
          summary: 'Ask approvers to approve a message before it is sent',
          tags: ['approvals'],
          body: CREATE_BODY,
          response: { 201: CREATED_RESPONSE, ...ERRORS, 413: ERROR_RESPONSE },
        },
      },
      async (request, reply) => {
        const created = await createApproval(context, signedIn(request), request.body);
        return created.ok ? reply.code(201).send(created.value) : refuse(reply, created.failure);
      },
    );

    api.get<{ Querystring: { fingerprint: string }; Reply: ApprovalRequestView | Refusal }>(
      APPROVALS_PATH,
      {
        onRequest: user,
        schema: {
          summary: "The caller's latest approval request for a message fingerprint",
          tags: ['approvals'],
          querystring: {
            type: 'object',
            required: ['fingerprint'],
            properties: { fingerprint: { type: 'string', pattern: '^[0-9A-Fa-f]{8,128}$' } },
          },
          response: { 200: VIEW_RESPONSE, ...ERRORS },
        },
      },
      async (request, reply) => {
        const found = await latestApproval(context, signedIn(request), request.query.fingerprint);
        return found.ok ? reply.send(found.value) : refuse(reply, found.failure);
      },
    );

    api.get<{ Params: { id: string }; Reply: ApprovalRequestView | Refusal }>(
      APPROVAL_ROUTE,
      {
        onRequest: user,
        schema: {
          summary: 'One approval request (sender or approver)',
          tags: ['approvals'],
          params: ID_PARAMS,
          response: { 200: VIEW_RESPONSE, ...ERRORS },
        },
      },
      async (request, reply) => {
        const found = await readApproval(context, signedIn(request), request.params.id);
        return found.ok ? reply.send(found.value) : refuse(reply, found.failure);
      },
    );

    api.get<{ Params: { id: string }; Reply: ApprovalContentAnswer | Refusal }>(
      APPROVAL_CONTENT_ROUTE,
      {
        onRequest: user,
        schema: {
          summary: 'The message to approve, decrypted (approver; attachments listed, not included)',
          tags: ['approvals'],
          params: ID_PARAMS,
          response: ERRORS,
        },
      },
      async (request, reply) => {
        const content = await readContent(context, signedIn(request), request.params.id);
        if (!content.ok) return refuse(reply, content.failure);
        const { attachments, ...message } = content.value;
        return reply.send({
          ...message,
          attachments: (attachments ?? []).map((attachment, index) => ({
            index,
            name: attachment.name,
            contentType: attachment.contentType ?? 'application/octet-stream',
            size: Buffer.byteLength(attachment.base64, 'base64'),
          })),
        });
      },
    );

    api.get<{ Params: { id: string; index: number } }>(
      APPROVAL_ATTACHMENT_ROUTE,
      {
        onRequest: user,
        schema: {
          summary: 'One attachment of the message to approve (approver)',
          tags: ['approvals'],
          params: {
            type: 'object',
            required: ['id', 'index'],
            properties: { id: PACKAGE_ID, index: { type: 'integer', minimum: 0, maximum: 1000 } },
          },
          response: ERRORS,
        },
      },
      async (request, reply) => {
        const { id, index } = request.params;
        const content = await readContent(context, signedIn(request), id);
        if (!content.ok) return refuse(reply, content.failure);
        const attachment = content.value.attachments?.[index];
        if (attachment === undefined)
          return refuse(reply, { status: 404, reason: 'not-found', message: 'The message has no attachment with this index' });
        // Always a download, whatever type the sender declared: the file must not render on this origin.
        return reply
          .header('Content-Type', 'application/octet-stream')
          .header('Content-Disposition', contentDisposition(attachment.name))
          .send(Buffer.from(attachment.base64, 'base64'));
      },
    );

    api.post<{ Params: { id: string }; Body: ApprovalDecisionRequest; Reply: ApprovalRequestView | Refusal }>(
      APPROVAL_DECISION_ROUTE,
      {
        onRequest: user,
        schema: {
          summary: 'Approve or reject (a named approver, once)',
          tags: ['approvals'],
          params: ID_PARAMS,
          body: DECISION_BODY,
          response: { 200: VIEW_RESPONSE, ...ERRORS },
        },
      },
      async (request, reply) => {
        const decided = await decideApproval(context, signedIn(request), request.params.id, request.body);
        return decided.ok ? reply.send(decided.value) : refuse(reply, decided.failure);
      },
    );
  });
}

// Fastify reads this symbol to skip encapsulation (what fastify-plugin sets), so `app.approvals` is visible.
Object.assign(approvalRoutes, { [Symbol.for('skip-override')]: true });
