import { isLoopbackOrigin } from '../loopback.js';

/** How the API recognises its callers: Entra ID access tokens, and optionally one fixed development token. */
export interface AuthConfig {
  readonly entra?: EntraSettings;
  readonly developmentToken?: DevelopmentTokenSettings;
  /** Entra object ids or email addresses (lower case) of administrators, besides the app role. */
  readonly admins: readonly string[];
}

export interface EntraSettings {
  /** Tenants whose users may call the API (directory ids, lower case). */
  readonly tenantIds: readonly string[];
  /** The API's application (client) id and/or its Application ID URI (`api://…`). */
  readonly audiences: readonly string[];
  /** Delegated scope every token must carry, e.g. `access_as_user`. */
  readonly requiredScope: string;
  /** Also accept v1.0 tokens (issuer `https://sts.windows.net/<tenant>/`). */
  readonly acceptV1Tokens: boolean;
  /** Where the signing keys are published (the `jwks_uri` of the tenant's OpenID configuration). */
  readonly jwksUrl: string;
  readonly clockToleranceSeconds: number;
  /** App role (in the token's `roles`) that makes a user an administrator. */
  readonly adminRole: string;
  /** The add-in's application (client) id, for sign-in in the review pane; absent: the pane cannot sign in with Entra ID. */
  readonly clientId?: string;
}

export interface DevelopmentTokenSettings {
  readonly token: string;
  /** Set with PREFLIGHT_DEV_TOKEN_FORCE: the token is accepted even though the public origin is not localhost. */
  readonly forced: boolean;
  /** Made at start because nothing was configured on a loopback server (generated-development-token.ts); in memory only. */
  readonly generated?: boolean;
}

export const DEFAULT_SCOPE = 'access_as_user';
export const DEFAULT_ADMIN_ROLE = 'Preflight.Admin';
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 60;
export const MINIMUM_DEVELOPMENT_TOKEN_LENGTH = 16;
/** PREFLIGHT_DEV_TOKEN=off: no development token, not even the one a loopback server generates. */
export const DEVELOPMENT_TOKEN_OFF = 'off';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Why the signing keys may not be read from `url`, or null. Plain http would let anyone on the path swap
 * the keys and sign their own tokens; only loopback (tests, a local key mirror) is spared.
 */
export function jwksUrlProblem(url: string): string | null {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (parsed !== null && (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackOrigin(parsed.origin)))) return null;
  return `PREFLIGHT_ENTRA_JWKS_URL must be an https URL (plain http only on 127.0.0.1, [::1] or localhost), not ${JSON.stringify(url)}`;
}

/** The signing keys Microsoft publishes; every tenant's tokens are signed with the same set. */
export function defaultJwksUrl(tenantIds: readonly string[]): string {
  const authority = tenantIds.length === 1 ? tenantIds[0] : 'common';
  return `https://login.microsoftonline.com/${authority}/discovery/v2.0/keys`;
}

function list(text: string | undefined): string[] {
  return text === undefined ? [] : text.split(/[\s,]+/).filter((entry) => entry !== '');
}

function flag(name: string, text: string | undefined, problems: string[]): boolean {
  if (text === undefined) return false;
  if (/^(1|true|yes)$/i.test(text)) return true;
  if (!/^(0|false|no)$/i.test(text)) problems.push(`${name} must be true or false, not ${JSON.stringify(text)}`);
  return false;
}

function readEntra(value: (name: string) => string | undefined, problems: string[]): EntraSettings | undefined {
  const tenantIds = list(value('PREFLIGHT_ENTRA_TENANT')).map((tenant) => tenant.toLowerCase());
  const audiences = list(value('PREFLIGHT_ENTRA_AUDIENCE'));
  const clientId = value('PREFLIGHT_ENTRA_CLIENT_ID')?.toLowerCase();
  if (tenantIds.length === 0 && audiences.length === 0) {
    if (clientId !== undefined) {
      problems.push('PREFLIGHT_ENTRA_CLIENT_ID needs PREFLIGHT_ENTRA_TENANT and PREFLIGHT_ENTRA_AUDIENCE (the API the pane signs in to)');
    }
    return undefined;
  }
  if (clientId !== undefined && !GUID.test(clientId)) {
    problems.push(`PREFLIGHT_ENTRA_CLIENT_ID is the add-in's application (client) id, a GUID, not ${JSON.stringify(clientId)}`);
  }
  if (tenantIds.length === 0) problems.push('PREFLIGHT_ENTRA_AUDIENCE needs PREFLIGHT_ENTRA_TENANT (the directory id of your tenant)');
  if (audiences.length === 0)
    problems.push("PREFLIGHT_ENTRA_TENANT needs PREFLIGHT_ENTRA_AUDIENCE (the API's application id or api:// URI)");
  for (const tenant of tenantIds) {
    if (!GUID.test(tenant)) problems.push(`PREFLIGHT_ENTRA_TENANT entries are directory ids (GUIDs), not ${JSON.stringify(tenant)}`);
  }
  const jwksUrl = value('PREFLIGHT_ENTRA_JWKS_URL') ?? defaultJwksUrl(tenantIds);
  const jwksProblem = jwksUrlProblem(jwksUrl);
  if (jwksProblem !== null) problems.push(jwksProblem);
  const scope = value('PREFLIGHT_ENTRA_SCOPE') ?? DEFAULT_SCOPE;
  if (/\s/.test(scope)) problems.push(`PREFLIGHT_ENTRA_SCOPE is one scope name, not ${JSON.stringify(scope)}`);
  return {
    tenantIds,
    audiences,
    requiredScope: scope,
    acceptV1Tokens: flag('PREFLIGHT_ENTRA_ACCEPT_V1', value('PREFLIGHT_ENTRA_ACCEPT_V1'), problems),
    jwksUrl,
    clockToleranceSeconds: DEFAULT_CLOCK_TOLERANCE_SECONDS,
    adminRole: value('PREFLIGHT_ADMIN_ROLE') ?? DEFAULT_ADMIN_ROLE,
    ...(clientId === undefined ? {} : { clientId }),
  };
}

function readDevelopmentToken(
  value: (name: string) => string | undefined,
  publicOrigin: string,
  problems: string[],
): DevelopmentTokenSettings | undefined {
  const token = value('PREFLIGHT_DEV_TOKEN');
  const forced = flag('PREFLIGHT_DEV_TOKEN_FORCE', value('PREFLIGHT_DEV_TOKEN_FORCE'), problems);
  if (token === undefined || token === DEVELOPMENT_TOKEN_OFF) return undefined;
  if (token.length < MINIMUM_DEVELOPMENT_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token)) {
    problems.push(`PREFLIGHT_DEV_TOKEN must be at least ${MINIMUM_DEVELOPMENT_TOKEN_LENGTH} printable characters without spaces`);
  }
  if (!forced && !isLoopbackOrigin(publicOrigin)) {
    problems.push(
      `PREFLIGHT_DEV_TOKEN lets anyone who knows it in, so it works only when PREFLIGHT_PUBLIC_URL is localhost (it is ${publicOrigin}); ` +
        'unset it, or set PREFLIGHT_DEV_TOKEN_FORCE=true if you really mean it',
    );
  }
  return { token, forced };
}

/**
 * Reads PREFLIGHT_ENTRA_TENANT, PREFLIGHT_ENTRA_AUDIENCE, PREFLIGHT_ENTRA_CLIENT_ID, PREFLIGHT_ENTRA_SCOPE, PREFLIGHT_ENTRA_ACCEPT_V1,
 * PREFLIGHT_ENTRA_JWKS_URL, PREFLIGHT_ADMIN_ROLE, PREFLIGHT_ADMINS, PREFLIGHT_DEV_TOKEN and
 * PREFLIGHT_DEV_TOKEN_FORCE. No variable set means no way in here: `auth` is undefined (readEnvironment may
 * then generate a development token on a loopback server); `developmentTokenOff` is PREFLIGHT_DEV_TOKEN=off.
 */
export function readAuthEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  publicOrigin: string,
): { readonly auth?: AuthConfig; readonly developmentTokenOff: boolean; readonly problems: readonly string[] } {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const text = env[name]?.trim();
    return text === undefined || text === '' ? undefined : text;
  };
  const entra = readEntra(value, problems);
  const developmentToken = readDevelopmentToken(value, publicOrigin, problems);
  const admins = list(value('PREFLIGHT_ADMINS')).map((entry) => entry.toLowerCase());
  const developmentTokenOff = value('PREFLIGHT_DEV_TOKEN') === DEVELOPMENT_TOKEN_OFF;
  if (entra === undefined && developmentToken === undefined) return { developmentTokenOff, problems };
  return {
    developmentTokenOff,
    auth: {
      ...(entra === undefined ? {} : { entra }),
      ...(developmentToken === undefined ? {} : { developmentToken }),
      admins,
    },
    problems,
  };
}
