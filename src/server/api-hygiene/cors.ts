import type { FastifyCorsOptions } from '@fastify/cors';

/**
 * CORS for the add-in's own origin only: the pane and classic Outlook's JS runtime call the API from
 * there (https://github.com/OfficeDev/office-js/issues/3907). Any other origin gets no CORS headers, and
 * its preflight is answered 404. Preflights are answered before authentication, as browsers send them
 * without the Authorization header.
 */
export function corsOptions(publicOrigin: string): FastifyCorsOptions {
  return {
    origin: (origin, callback) => callback(null, origin === publicOrigin),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'Accept-Language', 'If-None-Match', 'If-Match'],
    exposedHeaders: [
      'Content-Disposition',
      'ETag',
      'Location',
      'Retry-After',
      'X-RateLimit-Limit',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
    ],
    maxAge: 600,
    strictPreflight: true,
  };
}
