// JSON schemas of the admin policy API (Fastify validates requests and serialises responses with them).
import { POLICY_REASON_MAX_LENGTH } from '../../protocol/index.js';
import { ERROR_RESPONSE } from './links-schemas.js';

/**
 * A version number a client sends. Versions are PostgreSQL INTEGER columns (src/server/storage/postgres-schema.ts),
 * whose largest value is 2147483647 (https://www.postgresql.org/docs/current/datatype-numeric.html): a larger
 * number made the query fail with 500 instead of answering 400.
 */
const VERSION_NUMBER = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;

const PROBLEMS = {
  type: 'array',
  items: {
    type: 'object',
    required: ['path', 'message', 'code'],
    properties: {
      path: { type: 'string', description: 'JSON path, e.g. $.internalDomains[2]' },
      message: { type: 'string', description: 'English' },
      code: { type: 'string', description: 'Stable problem code, e.g. policy.unknown-key (docs/policy.md, "Problem codes")' },
      params: { type: 'object', additionalProperties: { type: ['string', 'number'] }, description: "Values for the code's text" },
    },
  },
} as const;

const SUMMARY_PROPERTIES = {
  version: { type: 'integer', minimum: 1 },
  sha256: { type: 'string', description: "SHA-256 (hex) of the document's compact JSON, as GET /api/policy serves it" },
  createdAt: { type: 'string', format: 'date-time' },
  createdBy: {
    type: 'object',
    nullable: true,
    description: 'The administrator; null for a version taken from the policy file',
    properties: { id: { type: 'string' }, address: { type: 'string', nullable: true } },
  },
  reason: { type: 'string' },
  source: { type: 'string', enum: ['file', 'admin', 'rollback'] },
  restoredFrom: { type: 'integer', description: 'For a rollback: the version whose document it restored' },
} as const;

const SUMMARY_REQUIRED = ['version', 'sha256', 'createdAt', 'createdBy', 'reason', 'source'] as const;

export const VERSION_RESPONSE = {
  type: 'object',
  required: [...SUMMARY_REQUIRED, 'document'],
  properties: {
    ...SUMMARY_PROPERTIES,
    document: { type: 'object', additionalProperties: true, description: 'The policy document (docs/policy.md)' },
  },
} as const;

export const ACTIVE_RESPONSE = {
  type: 'object',
  required: [...VERSION_RESPONSE.required, 'file'],
  properties: {
    ...VERSION_RESPONSE.properties,
    file: {
      type: 'object',
      required: ['status', 'problems'],
      description: 'The policy file on disk as last read: rejected or missing leaves the active version in force',
      properties: { status: { type: 'string', enum: ['ok', 'rejected', 'missing'] }, problems: PROBLEMS },
    },
  },
} as const;

export const VERSION_LIST_RESPONSE = {
  type: 'object',
  required: ['versions', 'nextBefore'],
  properties: {
    versions: { type: 'array', items: { type: 'object', required: SUMMARY_REQUIRED, properties: SUMMARY_PROPERTIES } },
    nextBefore: { type: 'integer', nullable: true, description: 'Pass as `before` for the next page; null on the last page' },
  },
} as const;

export const VERSION_LIST_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    before: { ...VERSION_NUMBER, description: 'Only versions older than this one' },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
} as const;

export const VERSION_PARAMS = {
  type: 'object',
  required: ['version'],
  properties: { version: VERSION_NUMBER },
} as const;

/** Something the history will show: at least one character that is not a space. */
const REASON = { type: 'string', minLength: 1, maxLength: POLICY_REASON_MAX_LENGTH, pattern: '\\S' } as const;

export const SAVE_BODY = {
  type: 'object',
  required: ['document', 'reason'],
  additionalProperties: false,
  properties: {
    document: { description: 'The whole policy document (docs/policy.md); checked by the same parser as the file' },
    reason: REASON,
    baseVersion: {
      ...VERSION_NUMBER,
      description: 'The version this edit started from; another active version answers 409 conflict',
    },
  },
} as const;

export const ROLLBACK_BODY = {
  type: 'object',
  required: ['version', 'reason'],
  additionalProperties: false,
  properties: { version: VERSION_NUMBER, reason: REASON },
} as const;

export const INVALID_POLICY_RESPONSE = {
  type: 'object',
  properties: { ...ERROR_RESPONSE.properties, problems: PROBLEMS },
} as const;

export const CONFLICT_RESPONSE = {
  type: 'object',
  properties: { ...ERROR_RESPONSE.properties, activeVersion: { type: 'integer' } },
} as const;

export const ADMIN_ERRORS = { 401: ERROR_RESPONSE, 403: ERROR_RESPONSE } as const;
export { ERROR_RESPONSE };
