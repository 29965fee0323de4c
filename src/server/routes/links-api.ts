import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  LINK_COMPLETE_ROUTE,
  LINK_FILE_ROUTE,
  LINK_REVOKE_ROUTE,
  LINKS_PATH,
  MY_LINKS_PATH,
  type CompletedLinks,
  type CreatedLinks,
  type LinkSummary,
} from '../../protocol/index.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { planPackage, type CreateLinkBody, type LinkPolicy } from '../links/create-request.js';
import type { Failure, LinkContext } from '../links/link-context.js';
import { completePackage, createPackage, listPackages, packageAudit, receiveFile, revokePackage } from '../links/sender-operations.js';
import {
  AUDIT_RESPONSE,
  COMPLETED_RESPONSE,
  CREATE_BODY,
  CREATED_RESPONSE,
  ERROR_RESPONSE,
  LIST_QUERY,
  LIST_RESPONSE,
  PACKAGE_ID,
  SUMMARY,
  type Refusal,
} from './links-schemas.js';
import { errorBody } from '../error-body.js';

export interface LinkApiOptions {
  readonly context: LinkContext;
  /** The policy's link settings as they are now (the policy file may be reloaded). */
  readonly linkPolicy: () => LinkPolicy;
}

const ERRORS = { 400: ERROR_RESPONSE, 401: ERROR_RESPONSE, 403: ERROR_RESPONSE, 404: ERROR_RESPONSE, 409: ERROR_RESPONSE } as const;
const ID_PARAMS = { type: 'object', required: ['id'], properties: { id: PACKAGE_ID } } as const;

function signedIn(request: FastifyRequest): AuthenticatedUser {
  if (request.user === undefined) throw new Error('route ran without app.authenticate');
  return request.user;
}

function refuse(reply: FastifyReply, failure: Failure): FastifyReply {
  return reply.code(failure.status).send(errorBody(failure.status, failure.message, { reason: failure.reason }));
}

/** The sender's API: create a package, upload each file, complete it; list, revoke, audit. */
export async function linkApiRoutes(app: FastifyInstance, options: LinkApiOptions): Promise<void> {
  const { context } = options;
  // Uploads are streamed to the encryptor as they arrive; the declared size bounds them.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
  });
  const user = [app.authenticate];
  const admin = [app.authenticate, app.requireAdmin];

  app.post<{ Body: CreateLinkBody; Reply: CreatedLinks | Refusal }>(
    LINKS_PATH,
    {
      onRequest: user,
      schema: {
        summary: 'Create a secure-link package: declare files and recipients, then upload each file and complete',
        description:
          'expiryDays, maxDownloads and requireCode default to the policy (attachments.protection.link); a request may ask for less, never more (400 naming the field and the policy value).',
        tags: ['links'],
        body: CREATE_BODY,
        response: { 201: CREATED_RESPONSE, ...ERRORS },
      },
    },
    async (request, reply) => {
      const plan = planPackage(request.body, context.limits, options.linkPolicy());
      if (!plan.ok) return reply.code(400).send(errorBody(400, plan.problems.join('; '), { reason: 'invalid' }));
      const created = await createPackage(context, signedIn(request), plan.plan);
      return created.ok ? reply.code(201).send(created.value) : refuse(reply, created.failure);
    },
  );

  app.put<{ Params: { id: string; fileId: string } }>(
    LINK_FILE_ROUTE,
    {
      onRequest: user,
      schema: {
        summary: 'Upload one declared file as application/octet-stream; it is encrypted as it streams in',
        tags: ['links'],
        params: { type: 'object', required: ['id', 'fileId'], properties: { id: PACKAGE_ID, fileId: PACKAGE_ID } },
        response: {
          200: { type: 'object', properties: { bytes: { type: 'integer' } } },
          ...ERRORS,
          413: ERROR_RESPONSE,
          415: ERROR_RESPONSE,
        },
      },
    },
    async (request, reply) => {
      const { id, fileId } = request.params;
      const body = request.body as AsyncIterable<Uint8Array> | undefined;
      if (body === undefined || typeof (body as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] !== 'function') {
        return reply.code(415).send(errorBody(415, 'Send the file as application/octet-stream', { reason: 'media-type' }));
      }
      const received = await receiveFile(context, signedIn(request), id, fileId, body);
      return received.ok ? reply.send(received.value) : refuse(reply, received.failure);
    },
  );

  app.post<{ Params: { id: string }; Reply: CompletedLinks | Refusal }>(
    LINK_COMPLETE_ROUTE,
    {
      onRequest: user,
      schema: {
        summary: 'Finish a package once every file is uploaded: returns one link per recipient (shown only now)',
        tags: ['links'],
        params: ID_PARAMS,
        response: { 200: COMPLETED_RESPONSE, ...ERRORS },
      },
    },
    async (request, reply) => {
      const completed = await completePackage(context, signedIn(request), request.params.id);
      return completed.ok ? reply.send(completed.value) : refuse(reply, completed.failure);
    },
  );

  app.get<{ Querystring: { limit: number }; Reply: { readonly links: readonly LinkSummary[] } }>(
    MY_LINKS_PATH,
    {
      onRequest: user,
      schema: {
        summary: 'My recent links, newest first',
        tags: ['links'],
        querystring: LIST_QUERY,
        response: { 200: LIST_RESPONSE, 401: ERROR_RESPONSE },
      },
    },
    async (request, reply) => reply.send({ links: await listPackages(context, signedIn(request).id, request.query.limit) }),
  );

  const revoke = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const revoked = await revokePackage(context, signedIn(request), (request.params as { id: string }).id);
    return revoked.ok ? reply.send(revoked.value) : refuse(reply, revoked.failure);
  };
  const revokeSchema = { tags: ['links'], params: ID_PARAMS, response: { 200: SUMMARY, ...ERRORS } };
  app.post(
    LINK_REVOKE_ROUTE,
    { onRequest: user, schema: { summary: 'Revoke a link at once (owner or admin): the key is destroyed', ...revokeSchema } },
    revoke,
  );
  app.post('/api/admin/links/:id/revoke', { onRequest: admin, schema: { summary: 'Revoke any link (admin)', ...revokeSchema } }, revoke);

  app.get(
    '/api/admin/links',
    {
      onRequest: admin,
      schema: {
        summary: "Everyone's recent links (admin)",
        tags: ['links'],
        querystring: LIST_QUERY,
        response: { 200: LIST_RESPONSE, 401: ERROR_RESPONSE, 403: ERROR_RESPONSE },
      },
    },
    async (request, reply) => reply.send({ links: await listPackages(context, null, (request.query as { limit: number }).limit) }),
  );

  app.get(
    '/api/links/:id/audit',
    {
      onRequest: user,
      schema: {
        summary: 'Every recorded attempt on a link (owner or admin)',
        tags: ['links'],
        params: ID_PARAMS,
        response: { 200: AUDIT_RESPONSE, ...ERRORS },
      },
    },
    async (request, reply) => {
      const audit = await packageAudit(context, signedIn(request), (request.params as { id: string }).id);
      return audit.ok ? reply.send({ entries: audit.value }) : refuse(reply, audit.failure);
    },
  );
}
