// JSON schemas of the secure-link API (Fastify validates requests and serialises responses with them).
import type { ApiErrorBody } from '../../protocol/index.js';
export const PACKAGE_ID = { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' } as const;

/** The body of every refusal, as ERROR_RESPONSE describes it (src/protocol/api-error-body.ts). */
export type Refusal = ApiErrorBody;

export const ERROR_RESPONSE = {
  type: 'object',
  properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' }, reason: { type: 'string' } },
} as const;

export const CREATE_BODY = {
  type: 'object',
  required: ['files', 'recipients'],
  additionalProperties: false,
  properties: {
    files: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: {
        type: 'object',
        required: ['name', 'size'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 255 },
          size: { type: 'integer', minimum: 0 },
          contentType: { type: 'string', maxLength: 127 },
        },
      },
    },
    recipients: { type: 'array', minItems: 1, maxItems: 500, items: { type: 'string', minLength: 3, maxLength: 320 } },
    expiryDays: { type: 'integer', minimum: 1, maximum: 30 },
    maxDownloads: { type: 'integer', minimum: 1, maximum: 1000 },
    requireCode: { type: 'boolean' },
  },
} as const;

export const CREATED_RESPONSE = {
  type: 'object',
  required: ['id', 'expiresAt', 'files'],
  properties: {
    id: { type: 'string' },
    expiresAt: { type: 'string', format: 'date-time' },
    files: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'size', 'uploadPath'],
        properties: { id: { type: 'string' }, name: { type: 'string' }, size: { type: 'integer' }, uploadPath: { type: 'string' } },
      },
    },
  },
} as const;

export const COMPLETED_RESPONSE = {
  type: 'object',
  required: ['id', 'expiresAt', 'links'],
  properties: {
    id: { type: 'string' },
    expiresAt: { type: 'string', format: 'date-time' },
    links: {
      type: 'array',
      items: { type: 'object', required: ['recipient', 'url'], properties: { recipient: { type: 'string' }, url: { type: 'string' } } },
    },
  },
} as const;

export const SUMMARY = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    owner: { type: 'string' },
    ownerEmail: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    expiresAt: { type: 'string', format: 'date-time' },
    status: { type: 'string', enum: ['active', 'expired', 'revoked'] },
    revokedAt: { type: ['string', 'null'] },
    maxDownloads: { type: 'integer' },
    requireCode: { type: 'boolean' },
    files: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, size: { type: 'integer' } } },
    },
    recipients: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, address: { type: 'string' }, downloads: { type: 'integer' }, locked: { type: 'boolean' } },
      },
    },
  },
} as const;

export const LIST_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
} as const;

export const LIST_RESPONSE = { type: 'object', required: ['links'], properties: { links: { type: 'array', items: SUMMARY } } } as const;

export const AUDIT_RESPONSE = {
  type: 'object',
  required: ['entries'],
  properties: {
    entries: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          at: { type: 'string', format: 'date-time' },
          action: { type: 'string' },
          result: { type: 'string' },
          recipient: { type: ['string', 'null'] },
          file: { type: ['string', 'null'] },
          actor: { type: ['string', 'null'] },
          ip: { type: ['string', 'null'] },
          userAgent: { type: ['string', 'null'] },
          bytes: { type: 'integer' },
        },
      },
    },
  },
} as const;
