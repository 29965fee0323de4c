// verifyApproval on its own: tokens made here with jose, as the server makes them, and tokens that must fail.
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyApproval, type ApprovalPublicJwk } from '../../src/protocol/index.js';

const FP = '0123456789abcdef0123456789abcdef';
const SENDER = 'taro@example.co.jp';
const IAT = 1_800_000_000;
const EXP = IAT + 3600;

let privateKey: CryptoKey;
let publicJwk: ApprovalPublicJwk;

async function sign(
  claims: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
  key: CryptoKey = privateKey,
): Promise<string> {
  return new SignJWT({ fp: FP, approver: 'boss@example.co.jp', rid: 'request-1', sub: SENDER, iat: IAT, exp: EXP, ...claims })
    .setProtectedHeader({ alg: 'ES256', ...header })
    .sign(key);
}

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  privateKey = pair.privateKey;
  publicJwk = (await exportJWK(pair.publicKey)) as ApprovalPublicJwk;
});

describe('verifyApproval', () => {
  it('accepts a good token up to, not at, its expiry; sender and fingerprint without case', async () => {
    const token = await sign();
    const result = await verifyApproval(token, publicJwk, {
      fingerprint: FP.toUpperCase(),
      sender: 'Taro@Example.co.jp',
      nowMs: (EXP - 1) * 1000,
    });
    expect(result).toEqual({
      ok: true,
      claims: { fp: FP, sub: SENDER, approver: 'boss@example.co.jp', rid: 'request-1', iat: IAT, exp: EXP },
    });
    expect(await verifyApproval(token, publicJwk, { fingerprint: FP, sender: SENDER, nowMs: EXP * 1000 })).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses another fingerprint, another sender, and another key', async () => {
    const token = await sign();
    const now = IAT * 1000;
    expect(await verifyApproval(token, publicJwk, { fingerprint: 'ff'.repeat(16), sender: SENDER, nowMs: now })).toMatchObject({
      reason: 'fingerprint',
    });
    expect(await verifyApproval(token, publicJwk, { fingerprint: FP, sender: 'jiro@example.co.jp', nowMs: now })).toMatchObject({
      reason: 'sender',
    });
    const other = await generateKeyPair('ES256');
    expect(
      await verifyApproval(await sign({}, {}, other.privateKey), publicJwk, { fingerprint: FP, sender: SENDER, nowMs: now }),
    ).toMatchObject({ reason: 'signature' });
  });

  it('refuses alg none, a stripped signature, missing claims and garbage', async () => {
    const now = IAT * 1000;
    const expected = { fingerprint: FP, sender: SENDER, nowMs: now };
    const [header = '', payload = '', signature = ''] = (await sign()).split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect(await verifyApproval(none, publicJwk, expected)).toEqual({ ok: false, reason: 'malformed' });
    expect(await verifyApproval(`${header}.${payload}.`, publicJwk, expected)).toEqual({ ok: false, reason: 'signature' });
    expect(await verifyApproval(`${header}.${payload}.${signature}AA`, publicJwk, expected)).toEqual({ ok: false, reason: 'signature' });
    expect(await verifyApproval(await sign({ fp: undefined }), publicJwk, expected)).toEqual({ ok: false, reason: 'malformed' });
    for (const junk of ['', 'a.b', 'a.b.c.d', '!!.??.##'])
      expect(await verifyApproval(junk, publicJwk, expected)).toEqual({ ok: false, reason: 'malformed' });
  });
});
