import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { EntraSettings } from './auth-config.js';
import type { AuthenticatedUser } from './user.js';

/** A token either names a user or is refused for a reason that goes to the log, never to the caller. */
export type TokenCheck = { readonly ok: true; readonly user: AuthenticatedUser } | { readonly ok: false; readonly reason: string };

export function v2Issuer(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/v2.0`;
}

export function v1Issuer(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

function issuersOf(settings: EntraSettings, tenantId: string): string[] {
  return settings.acceptV1Tokens ? [v2Issuer(tenantId), v1Issuer(tenantId)] : [v2Issuer(tenantId)];
}

function text(payload: JWTPayload, claim: string): string | undefined {
  const value = payload[claim];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Unreachable or broken key endpoints are our failure, not the caller's: they surface as 500. */
function isInfrastructureFailure(error: unknown): boolean {
  return !(error instanceof errors.JOSEError) || error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid;
}

function refusalReason(error: errors.JOSEError): string {
  return error instanceof errors.JWTClaimValidationFailed ? `${error.code} ${error.claim}` : error.code;
}

/** Whether the user is an administrator: the app role in `roles`, or an object id or address in `admins`. */
export function isAdministrator(payload: JWTPayload, adminRole: string, admins: readonly string[], email: string | undefined): boolean {
  const roles = payload['roles'];
  if (Array.isArray(roles) && roles.includes(adminRole)) return true;
  const oid = text(payload, 'oid')?.toLowerCase();
  return admins.some((entry) => entry === oid || (email !== undefined && entry === email.toLowerCase()));
}

/**
 * Validates an Entra ID access token for this API: RS256 signature from the published keys, issuer of an
 * allowed tenant (v2, and v1 when configured), audience, lifetime with clock tolerance, and the scope.
 * Throws only when the keys cannot be fetched.
 */
export async function verifyEntraToken(
  token: string,
  settings: EntraSettings,
  keys: JWTVerifyGetKey,
  admins: readonly string[],
): Promise<TokenCheck> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys, {
      issuer: settings.tenantIds.flatMap((tenant) => issuersOf(settings, tenant)),
      audience: [...settings.audiences],
      algorithms: ['RS256'],
      clockTolerance: settings.clockToleranceSeconds,
      requiredClaims: ['exp', 'tid', 'oid'],
    }));
  } catch (error) {
    if (isInfrastructureFailure(error)) throw error;
    return { ok: false, reason: refusalReason(error as errors.JOSEError) };
  }
  const tenantId = text(payload, 'tid')?.toLowerCase();
  const oid = text(payload, 'oid')?.toLowerCase();
  if (tenantId === undefined || oid === undefined) return { ok: false, reason: 'tid or oid is not a string' };
  // The issuer list covers every allowed tenant, so the token's own tenant must be the one that issued it.
  if (!settings.tenantIds.includes(tenantId)) return { ok: false, reason: 'tenant not allowed' };
  if (!issuersOf(settings, tenantId).includes(payload.iss ?? '')) return { ok: false, reason: 'issuer does not match tid' };
  const scopes = (text(payload, 'scp') ?? '').split(' ');
  if (!scopes.includes(settings.requiredScope)) return { ok: false, reason: `missing scope ${settings.requiredScope}` };

  const email = text(payload, 'preferred_username') ?? text(payload, 'upn') ?? text(payload, 'email');
  const name = text(payload, 'name');
  return {
    ok: true,
    user: {
      id: `${tenantId}:${oid}`,
      tenantId,
      ...(email === undefined ? {} : { email }),
      ...(name === undefined ? {} : { name }),
      isAdmin: isAdministrator(payload, settings.adminRole, admins, email),
    },
  };
}
