import type { FastifyInstance, FastifyReply } from 'fastify';
import { ADMIN_POLICY_PATH, ADMIN_POLICY_ROLLBACK_PATH, ADMIN_POLICY_VERSIONS_PATH } from '../../protocol/index.js';
import { DEFAULT_BODY_LIMIT_BYTES } from '../api-hygiene/limits-config.js';
import type { AuthenticatedUser } from '../auth/user.js';
import type { ChangeOutcome, PolicyStore } from '../policy-store.js';
import type { PolicyVersionAuthor, PolicyVersionRecord, PolicyVersionSummary } from '../storage/policy-version-store.js';
import {
  ACTIVE_RESPONSE,
  ADMIN_ERRORS,
  CONFLICT_RESPONSE,
  ERROR_RESPONSE,
  INVALID_POLICY_RESPONSE,
  ROLLBACK_BODY,
  SAVE_BODY,
  VERSION_LIST_QUERY,
  VERSION_LIST_RESPONSE,
  VERSION_PARAMS,
  VERSION_RESPONSE,
} from './admin-policy-schemas.js';
import { errorBody } from '../error-body.js';

export interface AdminPolicyRouteOptions {
  readonly store: PolicyStore;
}

/** A policy document is a few kilobytes; 1 MiB leaves room without inviting abuse. */
export const POLICY_BODY_LIMIT_BYTES = DEFAULT_BODY_LIMIT_BYTES;

function summaryView(version: PolicyVersionSummary) {
  return {
    version: version.version,
    sha256: version.sha256,
    createdAt: new Date(version.createdAt).toISOString(),
    createdBy: version.createdBy,
    reason: version.reason,
    source: version.source,
    ...(version.restoredFrom === null ? {} : { restoredFrom: version.restoredFrom }),
  };
}

function versionView(version: PolicyVersionRecord) {
  return { ...summaryView(version), document: JSON.parse(version.documentJson) as unknown };
}

function author(user: AuthenticatedUser | undefined): PolicyVersionAuthor {
  if (user === undefined) throw new Error('admin policy routes must run after authenticate');
  return { id: user.id, address: user.email ?? null };
}

function answerChange(reply: FastifyReply, outcome: ChangeOutcome): FastifyReply {
  switch (outcome.status) {
    case 'created':
      return reply.code(201).send(versionView(outcome.version));
    case 'invalid':
      return reply.code(400).send(
        errorBody(400, `The document is not a valid policy (${outcome.problems.length} problem(s))`, {
          reason: 'invalid-policy',
          problems: outcome.problems,
        }),
      );
    case 'unchanged':
      return reply.code(409).send(
        errorBody(409, `The document is the active policy already (version ${outcome.active.version})`, {
          reason: 'unchanged',
          activeVersion: outcome.active.version,
        }),
      );
    case 'conflict':
      return reply.code(409).send(
        errorBody(409, `Version ${outcome.active.version} became active while this edit was made; reload it and edit again`, {
          reason: 'conflict',
          activeVersion: outcome.active.version,
        }),
      );
    case 'not-found':
      return reply.code(404).send(errorBody(404, 'No such policy version'));
  }
}

/** The policy's versions for administrators (docs/admin.md, "Admin API"): read, save, roll back. */
export async function adminPolicyRoutes(app: FastifyInstance, options: AdminPolicyRouteOptions): Promise<void> {
  const { store } = options;
  const admin = [app.authenticate, app.requireAdmin];
  const tags = ['admin'];

  app.get(
    ADMIN_POLICY_PATH,
    {
      onRequest: admin,
      schema: {
        summary: 'The active policy version, and the state of the policy file',
        tags,
        response: { 200: ACTIVE_RESPONSE, ...ADMIN_ERRORS },
      },
    },
    async () => ({ ...versionView(store.activeVersion), file: store.fileState }),
  );

  app.get<{ Querystring: { before?: number; limit: number } }>(
    ADMIN_POLICY_VERSIONS_PATH,
    {
      onRequest: admin,
      schema: {
        summary: 'Policy versions, newest first, without documents',
        tags,
        querystring: VERSION_LIST_QUERY,
        response: { 200: VERSION_LIST_RESPONSE, ...ADMIN_ERRORS },
      },
    },
    async (request) => {
      const { before, limit } = request.query;
      const page = await store.versions.policyVersions(before ?? null, limit + 1);
      const versions = page.slice(0, limit);
      return { versions: versions.map(summaryView), nextBefore: page.length > limit ? (versions.at(-1)?.version ?? null) : null };
    },
  );

  app.get<{ Params: { version: number } }>(
    `${ADMIN_POLICY_VERSIONS_PATH}/:version`,
    {
      onRequest: admin,
      schema: {
        summary: 'One policy version with its document',
        tags,
        params: VERSION_PARAMS,
        response: { 200: VERSION_RESPONSE, 404: ERROR_RESPONSE, ...ADMIN_ERRORS },
      },
    },
    async (request, reply) => {
      const version = await store.versions.policyVersion(request.params.version);
      return version === null ? answerChange(reply, { status: 'not-found' }) : versionView(version);
    },
  );

  app.post<{ Body: { document: unknown; reason: string; baseVersion?: number } }>(
    ADMIN_POLICY_PATH,
    {
      onRequest: admin,
      bodyLimit: POLICY_BODY_LIMIT_BYTES,
      schema: {
        summary: 'Save a new policy version (active at once)',
        tags,
        body: SAVE_BODY,
        response: { 201: VERSION_RESPONSE, 400: INVALID_POLICY_RESPONSE, 409: CONFLICT_RESPONSE, 413: ERROR_RESPONSE, ...ADMIN_ERRORS },
      },
    },
    async (request, reply) => {
      const { document, reason, baseVersion } = request.body;
      const outcome = await store.save({
        document,
        reason,
        by: author(request.user),
        ...(baseVersion === undefined ? {} : { baseVersion }),
      });
      return answerChange(reply, outcome);
    },
  );

  app.post<{ Body: { version: number; reason: string } }>(
    ADMIN_POLICY_ROLLBACK_PATH,
    {
      onRequest: admin,
      bodyLimit: POLICY_BODY_LIMIT_BYTES,
      schema: {
        summary: "Make an older version's document active again, as a new version",
        tags,
        body: ROLLBACK_BODY,
        response: { 201: VERSION_RESPONSE, 400: INVALID_POLICY_RESPONSE, 404: ERROR_RESPONSE, 409: CONFLICT_RESPONSE, ...ADMIN_ERRORS },
      },
    },
    async (request, reply) => answerChange(reply, await store.rollback({ ...request.body, by: author(request.user) })),
  );
}
