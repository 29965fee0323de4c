import type { FastifyInstance } from 'fastify';
import type { PolicyFileStatus } from '../policy-store.js';
import type { PolicyVersionSummary } from '../storage/policy-version-store.js';

export interface PolicyHealth {
  readonly etag: string;
  readonly version: PolicyVersionSummary;
  readonly file: PolicyFileStatus;
}

export interface HealthRouteOptions {
  readonly policy: () => PolicyHealth;
}

const STATUS_BY_FILE = { ok: 'ok', rejected: 'policy-file-rejected', missing: 'policy-file-missing' } as const;

/**
 * Always 200 while the server answers: a rejected or missing policy file leaves the last good version
 * in force, so users are served; `status` and `policyFile` tell IT that the file needs fixing.
 */
export async function healthRoutes(app: FastifyInstance, options: HealthRouteOptions): Promise<void> {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness, with the active policy version and the state of the policy file',
        response: {
          200: {
            type: 'object',
            required: ['status', 'policyEtag', 'policyVersion', 'policySha256', 'policyFile'],
            additionalProperties: false,
            properties: {
              status: { type: 'string', enum: Object.values(STATUS_BY_FILE) },
              policyEtag: { type: 'string' },
              policyVersion: { type: 'integer' },
              policySha256: { type: 'string' },
              policyFile: {
                type: 'object',
                required: ['status', 'problems'],
                additionalProperties: false,
                properties: {
                  status: { type: 'string', enum: ['ok', 'rejected', 'missing'] },
                  problems: { type: 'integer', description: 'How many problems the file has (GET /api/admin/policy lists them)' },
                },
              },
            },
          },
        },
      },
    },
    async (_request, reply) => {
      const policy = options.policy();
      return reply.header('Cache-Control', 'no-store').send({
        status: STATUS_BY_FILE[policy.file.status],
        policyEtag: policy.etag,
        policyVersion: policy.version.version,
        policySha256: policy.version.sha256,
        policyFile: { status: policy.file.status, problems: policy.file.problems.length },
      });
    },
  );
}
