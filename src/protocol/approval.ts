// Supervisor approval (docs/approval.md): the check of a signed approval that any
// host with WebCrypto can run. No Node or Office API here, so the pane (and later the handler, where the
// runtime has crypto.subtle) can import it.
import { fromBase64Url, jsonValue } from '../policy/index.js';
import { fieldsOf, type Fields } from './fields.js';

/** What the signature covers; `exp` is the request's expiry, so an approval is worth nothing after it. */
export interface ApprovalClaims {
  /** The message fingerprint the sender asked about (hex). */
  readonly fp: string;
  /** The sender's address. */
  readonly sub: string;
  /** The approver's address. */
  readonly approver: string;
  /** The request id. */
  readonly rid: string;
  /** Seconds since the epoch. */
  readonly iat: number;
  readonly exp: number;
}

/** The approval key as a public JWK (the boot line's `approvalKey`, GET /api/approvals/public-key). */
export interface ApprovalPublicJwk {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
  readonly kid?: string;
}

/** The key as the boot line or GET /api/approvals/public-key carries it; null unless it is a P-256 public key. */
export function parseApprovalPublicJwk(value: unknown): ApprovalPublicJwk | null {
  const fields = fieldsOf(value);
  if (fields === null) return null;
  const { kty, crv, x, y } = fields;
  return kty === 'EC' && crv === 'P-256' && typeof x === 'string' && typeof y === 'string' ? { kty, crv, x, y } : null;
}

export type ApprovalCheck =
  | { readonly ok: true; readonly claims: ApprovalClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'fingerprint' | 'sender' | 'expired' | 'no-crypto' };

// The core layers compile without DOM types, so the few WebCrypto members used are declared here.
interface SubtleLike {
  importKey(format: 'jwk', key: object, algorithm: object, extractable: boolean, usages: string[]): Promise<unknown>;
  verify(algorithm: object, key: unknown, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
}

function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index) & 0xff;
  return bytes;
}

function utf8Text(bytes: Uint8Array): string | null {
  let encoded = '';
  for (const byte of bytes) encoded += `%${byte < 16 ? '0' : ''}${byte.toString(16)}`;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

function jsonObject(part: string): Fields | null {
  const bytes = fromBase64Url(part);
  const text = bytes === null ? null : utf8Text(bytes);
  return text === null ? null : fieldsOf(jsonValue(text));
}

function claimsOf(payload: Fields): ApprovalClaims | null {
  const { fp, sub, approver, rid, iat, exp } = payload;
  if (typeof fp !== 'string' || typeof sub !== 'string' || typeof approver !== 'string' || typeof rid !== 'string') return null;
  if (typeof iat !== 'number' || typeof exp !== 'number' || !Number.isFinite(iat) || !Number.isFinite(exp)) return null;
  return { fp, sub, approver, rid, iat, exp };
}

function subtle(): SubtleLike | null {
  const crypto = (globalThis as { crypto?: { subtle?: SubtleLike } }).crypto;
  return crypto?.subtle ?? null;
}

interface ParsedToken {
  readonly claims: ApprovalClaims;
  readonly signature: Uint8Array;
  readonly signedPart: string;
}

function parseToken(token: string): ParsedToken | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const header = jsonObject(headerPart);
  const payload = jsonObject(payloadPart);
  const signature = fromBase64Url(signaturePart);
  if (header === null || payload === null || signature === null || header['alg'] !== 'ES256') return null;
  const claims = claimsOf(payload);
  return claims === null ? null : { claims, signature, signedPart: `${headerPart}.${payloadPart}` };
}

export interface ApprovalExpectation {
  readonly fingerprint: string;
  readonly sender: string;
  readonly nowMs: number;
}

function claimsProblem(claims: ApprovalClaims, expected: ApprovalExpectation): 'fingerprint' | 'sender' | 'expired' | null {
  if (claims.fp.toLowerCase() !== expected.fingerprint.toLowerCase()) return 'fingerprint';
  if (claims.sub.toLowerCase() !== expected.sender.toLowerCase()) return 'sender';
  if (expected.nowMs >= claims.exp * 1000) return 'expired';
  return null;
}

/**
 * Accepts a compact JWS (ES256) only when the signature verifies under `publicJwk`, the header says
 * ES256, the fingerprint and sender (addresses compared without case) match, and `nowMs` is before `exp`.
 * The algorithm is fixed here, never taken from the token, so a token cannot choose a weaker check.
 */
export async function verifyApproval(token: string, publicJwk: ApprovalPublicJwk, expected: ApprovalExpectation): Promise<ApprovalCheck> {
  // First, so that a runtime that cannot verify says so whatever the token is, and its caller asks elsewhere.
  const crypto = subtle();
  if (crypto === null) return { ok: false, reason: 'no-crypto' };
  const parsed = parseToken(token);
  if (parsed === null) return { ok: false, reason: 'malformed' };
  // JWS ES256 signatures are r||s, 64 bytes: what WebCrypto's ECDSA expects, no DER conversion.
  if (parsed.signature.length !== 64) return { ok: false, reason: 'signature' };
  let valid: boolean;
  try {
    const key = await crypto.importKey(
      'jwk',
      { kty: 'EC', crv: 'P-256', x: publicJwk.x, y: publicJwk.y, ext: true },
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    valid = await crypto.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, parsed.signature, asciiBytes(parsed.signedPart));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'signature' };
  const problem = claimsProblem(parsed.claims, expected);
  return problem === null ? { ok: true, claims: parsed.claims } : { ok: false, reason: problem };
}

/**
 * The claims alone, for a runtime without WebCrypto (classic Outlook) and only for a token its own origin
 * just served over TLS: the signature is not checked, so a token from anywhere else must never get here.
 */
export function approvalClaimsFromOrigin(token: string, expected: ApprovalExpectation): ApprovalCheck {
  const parsed = parseToken(token);
  if (parsed === null) return { ok: false, reason: 'malformed' };
  const problem = claimsProblem(parsed.claims, expected);
  return problem === null ? { ok: true, claims: parsed.claims } : { ok: false, reason: problem };
}
