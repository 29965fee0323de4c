import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntraSettings } from '../../../src/server/auth/auth-config.js';
import { v1Issuer, v2Issuer, verifyEntraToken } from '../../../src/server/auth/entra-token.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SECOND_TENANT = '0d2a4f4e-1111-4c2b-9a57-6c1d2e3f4a5b';
const CLIENT_ID = '1f0a8c4e-7b1d-4c55-9d0e-3a2b6c8d9e10';
const SETTINGS: EntraSettings = {
  tenantIds: [TENANT, SECOND_TENANT],
  audiences: [CLIENT_ID, `api://${CLIENT_ID}`],
  requiredScope: 'access_as_user',
  acceptV1Tokens: true,
  jwksUrl: 'https://unused.example/keys',
  clockToleranceSeconds: 60,
  adminRole: 'Preflight.Admin',
};

let privateKey: CryptoKey;
let keys: ReturnType<typeof createLocalJWKSet>;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' }] });
});

function sign(claims: JWTPayload): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ oid: 'oid-1', scp: 'access_as_user', iat: now, nbf: now, exp: now + 600, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .sign(privateKey);
}

describe('verifyEntraToken (local JWKS)', () => {
  it('accepts a v1 token of the second tenant with the app id URI audience and upn', async () => {
    const token = await sign({
      iss: v1Issuer(SECOND_TENANT),
      tid: SECOND_TENANT,
      aud: `api://${CLIENT_ID}`,
      upn: 'hanako@partner.example',
      ver: '1.0',
    });
    expect(await verifyEntraToken(token, SETTINGS, keys, [])).toEqual({
      ok: true,
      user: { id: `${SECOND_TENANT}:oid-1`, tenantId: SECOND_TENANT, email: 'hanako@partner.example', isAdmin: false },
    });
  });

  it('refuses a token whose tid is allowed but whose issuer is the other allowed tenant', async () => {
    const token = await sign({ iss: v2Issuer(TENANT), tid: SECOND_TENANT, aud: CLIENT_ID });
    expect(await verifyEntraToken(token, SETTINGS, keys, [])).toEqual({ ok: false, reason: 'issuer does not match tid' });
  });

  it('refuses v1 tokens when they are not accepted', async () => {
    const token = await sign({ iss: v1Issuer(TENANT), tid: TENANT, aud: CLIENT_ID });
    expect(await verifyEntraToken(token, { ...SETTINGS, acceptV1Tokens: false }, keys, [])).toEqual({
      ok: false,
      reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED iss',
    });
  });

  it('accepts a token 30 s past expiry within the 60 s clock tolerance and refuses it at 0 tolerance', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await sign({ iss: v2Issuer(TENANT), tid: TENANT, aud: CLIENT_ID, exp: now - 30 });
    expect((await verifyEntraToken(token, SETTINGS, keys, [])).ok).toBe(true);
    expect(await verifyEntraToken(token, { ...SETTINGS, clockToleranceSeconds: 0 }, keys, [])).toEqual({
      ok: false,
      reason: 'ERR_JWT_EXPIRED',
    });
  });

  it('throws when the key set cannot be fetched (an outage, not the caller’s fault)', async () => {
    const token = await sign({ iss: v2Issuer(TENANT), tid: TENANT, aud: CLIENT_ID });
    const broken = async (): Promise<never> => {
      throw new TypeError('fetch failed');
    };
    await expect(verifyEntraToken(token, SETTINGS, broken, [])).rejects.toThrow('fetch failed');
  });
});
