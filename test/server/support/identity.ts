// A stand-in for Entra ID: signing keys served as a JWKS by a loopback HTTP server, and tokens shaped
// like Entra's v2 access tokens. Gives buildApp a real `auth` config, so route tests can call
// authenticated routes with `authorization: \`Bearer ${await identity.token()}\``.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import type { AuthConfig } from '../../../src/server/auth/auth-config.js';
import { v2Issuer } from '../../../src/server/auth/entra-token.js';

export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const AUDIENCE = 'api://preflight.example.co.jp/1f0a8c4e-7b1d-4c55-9d0e-3a2b6c8d9e10';
export const KEY_ID = 'test-key-1';

export interface TokenOptions {
  /** Claims to add or replace; a claim set to undefined is left out. */
  readonly claims?: Readonly<Record<string, unknown>>;
  /** Sign with a key the JWKS does not publish (under the published key id unless `keyId` says otherwise). */
  readonly foreignKey?: boolean;
  readonly keyId?: string;
}

export interface TestIdentity {
  readonly jwksUrl: string;
  readonly auth: AuthConfig;
  /** How many times the JWKS was fetched over HTTP. */
  jwksRequests(): number;
  /** A signed access token for user `oid` (default claims: a normal user of TENANT_ID with access_as_user). */
  token(oid?: string, options?: TokenOptions): Promise<string>;
  claims(oid: string): JWTPayload;
  close(): Promise<void>;
}

export async function startTestIdentity(overrides: Partial<AuthConfig> = {}): Promise<TestIdentity> {
  const published = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid: KEY_ID, alg: 'RS256', use: 'sig' };
  let requests = 0;
  const server: Server = createServer((request, response) => {
    requests += 1;
    if (request.url !== '/discovery/v2.0/keys') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/discovery/v2.0/keys`;

  const claims = (oid: string): JWTPayload => {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: v2Issuer(TENANT_ID),
      aud: AUDIENCE,
      tid: TENANT_ID,
      oid,
      sub: `subject-${oid}`,
      scp: 'access_as_user',
      preferred_username: `${oid}@example.co.jp`,
      name: `User ${oid}`,
      ver: '2.0',
      iat: now,
      nbf: now,
      exp: now + 3600,
    };
  };

  const token = async (oid = 'user-1', options: TokenOptions = {}): Promise<string> => {
    const payload: Record<string, unknown> = { ...claims(oid), ...options.claims };
    for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
    const key: CryptoKey = options.foreignKey === true ? foreign.privateKey : published.privateKey;
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.keyId ?? KEY_ID }).sign(key);
  };

  return {
    jwksUrl,
    auth: {
      entra: {
        tenantIds: [TENANT_ID],
        audiences: [AUDIENCE],
        requiredScope: 'access_as_user',
        acceptV1Tokens: false,
        jwksUrl,
        clockToleranceSeconds: 60,
        adminRole: 'Preflight.Admin',
      },
      admins: [],
      ...overrides,
    },
    jwksRequests: () => requests,
    token,
    claims,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error === undefined ? resolve() : reject(error)))),
  };
}
