/**
 * The bytes of standard base64 (RFC 4648 §4, padded, no line breaks), or null. Buffer.from skips
 * characters it does not know, which would turn a corrupted upload into a silently shorter file.
 */
export function decodeStrictBase64(text: string): Buffer | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  return Buffer.from(text, 'base64');
}
