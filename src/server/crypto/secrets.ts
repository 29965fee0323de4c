import { createHash, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A link token: 192 random bits, base64url, for the URL path; only its hash is stored. */
export function newLinkToken(): string {
  return randomBytes(24).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** A one-time code of `digits` decimal digits, uniform (no modulo bias). */
export function newOneTimeCode(digits: number): string {
  let code = '';
  for (let position = 0; position < digits; position += 1) code += String(randomInt(10));
  return code;
}

/**
 * The one-time code as stored: an HMAC under a key derived from the package's data key, so a copy of
 * the database alone cannot test the million candidates of a six-digit code.
 */
export function hashOneTimeCode(dataKey: Uint8Array, recipientId: string, code: string): Buffer {
  const key = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'preflight one-time code', 32));
  return createHmac('sha256', key).update(`${recipientId}\u0000${code}`, 'utf8').digest();
}

export function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  return left.length === right.length && timingSafeEqual(left, right);
}

export function newId(): string {
  return randomBytes(12).toString('base64url');
}
