// Text compressed for a single-quoted literal of a generated module, read back by
// src/policy/lookalike/inflate.ts: DEFLATE by Node's zlib, its bits written 13 at a time as two of the
// 93 printable characters such a literal needs no escape for (93 * 93 > 2 ** 13).
import { deflateRawSync } from 'node:zlib';

export const DIGITS = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i))
  .filter((char) => char !== "'" && char !== '\\')
  .join('');
const BITS_PER_PAIR = 13;

/** `bytes` as pairs of DIGITS, 13 bits each, least significant first as DEFLATE reads them. */
export function bitsAsDigits(bytes) {
  let text = '';
  let buffer = 0;
  let buffered = 0;
  const flush = () => {
    const value = buffer & ((1 << BITS_PER_PAIR) - 1);
    text += DIGITS.charAt(Math.floor(value / DIGITS.length)) + DIGITS.charAt(value % DIGITS.length);
    buffer >>>= BITS_PER_PAIR;
    buffered -= BITS_PER_PAIR;
  };
  for (const byte of bytes) {
    buffer |= byte << buffered;
    buffered += 8;
    if (buffered >= BITS_PER_PAIR) flush();
  }
  if (buffered > 0) flush();
  return text;
}

/** `text` (Latin-1 characters only) compressed and written in DIGITS. */
export function deflatedText(text) {
  if (/[^\x00-\xff]/.test(text)) throw new Error('Only Latin-1 text can be compressed byte for byte');
  return bitsAsDigits(deflateRawSync(Buffer.from(text, 'latin1'), { level: 9, memLevel: 9 }));
}
