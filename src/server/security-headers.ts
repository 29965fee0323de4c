import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { ServerConfig } from './config.js';
import { isLoopbackOrigin } from './loopback.js';

/** office.js and the scripts it loads come from Microsoft's CDN (https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn). */
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

/**
 * Entra ID sign-in. Inside Outlook, MSAL's nested app authentication asks the host and needs no network;
 * where the host cannot broker, MSAL falls back to signing in itself and talks to (and silently frames)
 * Entra ID's endpoint.
 */
export const ENTRA_LOGIN = 'https://login.microsoftonline.com';

export function contentSecurityDirectives(frameAncestors: readonly string[]): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", OFFICE_CDN, 'https://ajax.aspnetcdn.com'],
    'script-src-attr': ["'none'"],
    // Fluent UI writes its styles at run time and office.js sets inline styles
    // (https://github.com/OfficeDev/office-js/issues/1687).
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', OFFICE_CDN],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", OFFICE_CDN, ENTRA_LOGIN],
    'frame-src': ["'self'", ENTRA_LOGIN],
    'frame-ancestors': [...frameAncestors],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'upgrade-insecure-requests': [],
  };
}

export function securityHeaders(config: ServerConfig): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityDirectives(config.frameAncestors) },
    // X-Frame-Options cannot name Outlook's origins and would stop the pane loading in Outlook on the
    // web; frame-ancestors above says who may frame instead.
    frameguard: false,
    // Outlook shows the add-in's icons from its own origin.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    // HSTS on localhost would force https on every other local development server in the browser.
    strictTransportSecurity: isLoopbackOrigin(config.publicOrigin) ? false : { maxAge: 31_536_000, includeSubDomains: false },
    referrerPolicy: { policy: 'no-referrer' },
  };
}
