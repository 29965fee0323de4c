import type { FastifyRequest, FastifyServerOptions } from 'fastify';

export const REDACTED = '[redacted]';

/** Fields that may hold a secret or message content wherever a log call puts them (top level or one down). */
const SECRET_FIELDS = [
  'authorization',
  'cookie',
  'password',
  'passphrase',
  'otp',
  'oneTimeCode',
  'token',
  'accessToken',
  'linkToken',
  'secret',
  'body',
  'content',
  'contentBase64',
];

export const REDACT_PATHS: readonly string[] = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/**
 * A URL as it may be logged: the link token of a recipient page (`/d/<token>…`) and every query value
 * (codes and tokens travel there too) are replaced.
 */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const safePath = path.replace(/^\/d\/[^/]+/, `/d/${REDACTED}`);
  if (queryStart === -1) return safePath;
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0] ?? '';
      return pair.includes('=') ? `${name}=${REDACTED}` : name;
    })
    .join('&');
  return `${safePath}?${query}`;
}

function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
  };
}

/**
 * Pino settings for the app: request lines carry method, redacted URL, host and address (never headers
 * or bodies), and the listed fields are censored in any object a route logs.
 */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    serializers: { req: serializeRequest },
    ...(stream === undefined ? {} : { stream }),
  };
}
