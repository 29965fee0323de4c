import { isAbsolute, resolve } from 'node:path';
import type { ApprovalSettings } from './approvals/approval-settings.js';
import { readRateLimitEnvironment } from './api-hygiene/limits-config.js';
import { readTrustProxyEnvironment } from './api-hygiene/proxy-config.js';
import type { RateLimits } from './api-hygiene/rate-limits.js';
import { readAuthEnvironment, type AuthConfig } from './auth/auth-config.js';
import { generatedDevelopmentAuth, mayGenerateDevelopmentToken, randomDevelopmentToken } from './auth/generated-development-token.js';
import { readLinkEnvironment, type LinkConfig } from './links/link-config.js';
import { requestLogLevelFor, type RequestLogLevel } from './request-log.js';
import type { ServerTimeouts } from './server-timeouts.js';

/** Everything buildApp needs; main.ts fills it from the environment, tests fill it directly. */
export interface ServerConfig {
  /** The https origin users' Outlook loads the add-in from, e.g. `https://preflight.example.co.jp`. */
  readonly publicOrigin: string;
  readonly policyFile: string;
  readonly distDirectory: string;
  readonly assetsDirectory: string;
  /** Reload the policy when its file changes (main.ts); tests call reloadPolicy() instead. */
  readonly watchPolicy: boolean;
  /** With a shared database: how often to look for a policy version another instance added (5 s). */
  readonly policyRefreshMs?: number;
  /** Who may frame the pages: Outlook on the web and new Outlook host the pane in an iframe. */
  readonly frameAncestors: readonly string[];
  readonly logLevel: LogLevel;
  /** Level of Fastify's per-request lines (request-log.ts); absent: info. */
  readonly requestLogLevel?: RequestLogLevel;
  /** Who may call the API (Entra ID, development token); absent: every call that needs a user gets 401. */
  readonly auth?: AuthConfig;
  /** Secure-link mode (data directory, keys, SMTP relay, bounds); absent: no link routes. */
  readonly links?: LinkConfig;
  /** Requests a minute per user and per recipient link (defaults in api-hygiene/rate-limits.ts). */
  readonly rateLimits?: RateLimits;
  /** Proxies in front whose X-Forwarded-For names the client (PREFLIGHT_TRUST_PROXY). */
  readonly trustProxy?: readonly string[];
  /** Most attachment bytes one protected ZIP takes (default 25 MiB), and most files (default 50). */
  readonly zipMaxBytes?: number;
  readonly zipMaxFiles?: number;
  /** How long a slow client may take (server-timeouts.ts); absent: DEFAULT_SERVER_TIMEOUTS. */
  readonly timeouts?: ServerTimeouts;
  /** Supervisor approval bounds (retentionDays, maxContentBytes…); absent: the defaults of approvals/approval-settings.ts. */
  readonly approvals?: Partial<ApprovalSettings>;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The hosts that frame add-in pages in Outlook on the web and new Outlook. Microsoft publishes no list
 * (https://github.com/OfficeDev/office-js/issues/1005), so this one is overridable with
 * PREFLIGHT_FRAME_ANCESTORS; classic Outlook and Outlook for Mac load the pages top-level.
 */
export const DEFAULT_FRAME_ANCESTORS: readonly string[] = [
  "'self'",
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://outlook.cloud.microsoft',
  'https://*.outlook.com',
  'https://*.officeapps.live.com',
];

export interface ListenOptions {
  readonly host: string;
  readonly port: number;
}

export type TlsSource =
  | { readonly kind: 'files'; readonly certificateFile: string; readonly keyFile: string }
  | { readonly kind: 'development' }
  | { readonly kind: 'off' };

export interface Environment {
  readonly server: ServerConfig;
  readonly listen: ListenOptions;
  readonly tls: TlsSource;
}

export type EnvironmentResult =
  { readonly ok: true; readonly environment: Environment } | { readonly ok: false; readonly problems: readonly string[] };

/** An https origin with nothing after it: the server serves the add-in at its root. */
export function parsePublicOrigin(text: string): { origin: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: `not a URL: ${JSON.stringify(text)}` };
  }
  if (url.protocol !== 'https:') return { problem: `must start with https:// (Office loads add-ins over HTTPS only): ${text}` };
  if (url.username !== '' || url.password !== '') return { problem: `must not contain a user name or password: ${text}` };
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    return { problem: `must be an origin only, like https://preflight.example.com (no path, query or #): ${text}` };
  }
  return { origin: url.origin };
}

function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
}

/**
 * Reads PORT, HOST, PREFLIGHT_PUBLIC_URL, PREFLIGHT_POLICY, PREFLIGHT_DIST, PREFLIGHT_ASSETS,
 * PREFLIGHT_TLS_CERT/PREFLIGHT_TLS_KEY or PREFLIGHT_TLS=off, PREFLIGHT_FRAME_ANCESTORS and
 * PREFLIGHT_LOG_LEVEL, the sign-in variables of auth/auth-config.ts (PREFLIGHT_ENTRA_*, PREFLIGHT_ADMIN*,
 * PREFLIGHT_DEV_TOKEN*), PREFLIGHT_RATE_LIMIT_USER/LINK/REFUSED, PREFLIGHT_TRUST_PROXY and the secure-link variables of links/link-config.ts
 * (PREFLIGHT_DATA, PREFLIGHT_KEK*, PREFLIGHT_SMTP_*, PREFLIGHT_LINK_*). Relative paths are taken from `workingDirectory`; assets default to the package's.
 * With no sign-in configured, a loopback HOST and a localhost public origin, the development token is
 * `newDevelopmentToken()` (generated-development-token.ts); tests pass a fixed one.
 */
export function readEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  workingDirectory: string,
  packageDirectory: string,
  newDevelopmentToken: () => string = randomDevelopmentToken,
): EnvironmentResult {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const text = env[name]?.trim();
    return text === undefined || text === '' ? undefined : text;
  };
  const path = (name: string, fallback: string): string => {
    const text = value(name) ?? fallback;
    return isAbsolute(text) ? text : resolve(workingDirectory, text);
  };

  const portText = value('PORT') ?? '3000';
  const port = parsePort(portText);
  if (port === null) problems.push(`PORT must be a number from 1 to 65535, not ${JSON.stringify(portText)}`);

  const originText = value('PREFLIGHT_PUBLIC_URL') ?? `https://localhost:${port ?? 3000}`;
  const origin = parsePublicOrigin(originText);
  if ('problem' in origin) problems.push(`PREFLIGHT_PUBLIC_URL ${origin.problem}`);

  const authRead = 'problem' in origin ? { developmentTokenOff: false, problems: [] } : readAuthEnvironment(env, origin.origin);
  problems.push(...authRead.problems);
  const limitsRead = readRateLimitEnvironment(env);
  problems.push(...limitsRead.problems);
  const proxyRead = readTrustProxyEnvironment(env);
  problems.push(...proxyRead.problems);

  const linksRead = readLinkEnvironment(value, path);
  if (!linksRead.ok) problems.push(...linksRead.problems);

  const logLevel = value('PREFLIGHT_LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`PREFLIGHT_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not ${JSON.stringify(logLevel)}`);
  }

  const certificate = value('PREFLIGHT_TLS_CERT');
  const key = value('PREFLIGHT_TLS_KEY');
  const tlsMode = value('PREFLIGHT_TLS');
  let tls: TlsSource = { kind: 'development' };
  if (tlsMode !== undefined && tlsMode !== 'off') {
    problems.push(`PREFLIGHT_TLS can only be "off" (plain HTTP behind a TLS proxy), not ${JSON.stringify(tlsMode)}`);
  } else if (tlsMode === 'off') {
    if (certificate !== undefined || key !== undefined)
      problems.push('PREFLIGHT_TLS=off cannot be combined with PREFLIGHT_TLS_CERT/PREFLIGHT_TLS_KEY');
    tls = { kind: 'off' };
  } else if (certificate !== undefined || key !== undefined) {
    if (certificate === undefined || key === undefined) problems.push('PREFLIGHT_TLS_CERT and PREFLIGHT_TLS_KEY must be set together');
    else tls = { kind: 'files', certificateFile: path('PREFLIGHT_TLS_CERT', certificate), keyFile: path('PREFLIGHT_TLS_KEY', key) };
  }

  const ancestors = value('PREFLIGHT_FRAME_ANCESTORS');
  const frameAncestors = ancestors === undefined ? DEFAULT_FRAME_ANCESTORS : ancestors.split(/[\s,]+/).filter((entry) => entry !== '');
  for (const entry of frameAncestors) {
    if (/[;'"]/.test(entry.replace(/^'self'$/, 'self')))
      problems.push(`PREFLIGHT_FRAME_ANCESTORS entry ${JSON.stringify(entry)} is not a host source`);
  }

  if (problems.length > 0 || port === null || 'problem' in origin) return { ok: false, problems };
  const host = value('HOST') ?? 'localhost';
  const configuredAuth = 'auth' in authRead ? authRead.auth : undefined;
  const behindProxy = tls.kind === 'off' || proxyRead.trustProxy !== undefined;
  const auth = mayGenerateDevelopmentToken({
    host,
    publicOrigin: origin.origin,
    auth: configuredAuth,
    refused: authRead.developmentTokenOff,
    behindProxy,
  })
    ? generatedDevelopmentAuth(newDevelopmentToken())
    : configuredAuth;
  return {
    ok: true,
    environment: {
      server: {
        publicOrigin: origin.origin,
        policyFile: path('PREFLIGHT_POLICY', 'config/policy.json'),
        distDirectory: path('PREFLIGHT_DIST', 'dist'),
        assetsDirectory: value('PREFLIGHT_ASSETS') === undefined ? resolve(packageDirectory, 'assets') : path('PREFLIGHT_ASSETS', 'assets'),
        watchPolicy: true,
        frameAncestors,
        logLevel: logLevel as LogLevel,
        requestLogLevel: requestLogLevelFor(origin.origin),
        ...(auth === undefined ? {} : { auth }),
        ...(limitsRead.rateLimits === undefined ? {} : { rateLimits: limitsRead.rateLimits }),
        ...(proxyRead.trustProxy === undefined ? {} : { trustProxy: proxyRead.trustProxy }),
        ...(linksRead.ok ? { links: linksRead.config } : {}),
      },
      listen: { host, port },
      tls,
    },
  };
}
