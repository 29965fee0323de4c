// Base64 to bytes without atob or Buffer, which classic Outlook's JS-only runtime does not offer.

const VALUES = new Map<number, number>();
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
for (let index = 0; index < ALPHABET.length; index += 1) VALUES.set(ALPHABET.charCodeAt(index), index);
// The URL-safe alphabet as well, since nothing is lost by accepting it.
VALUES.set('-'.charCodeAt(0), 62);
VALUES.set('_'.charCodeAt(0), 63);

/** The decoded bytes, or null when the text holds anything but base64 digits, padding and whitespace. */
export function decodeBase64(text: string): Uint8Array | null {
  const output = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let length = 0;
  let buffer = 0;
  let bits = 0;
  let padding = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) continue;
    if (code === 0x3d) {
      padding = true;
      continue;
    }
    const value = VALUES.get(code);
    if (value === undefined || padding) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      output[length] = (buffer >> bits) & 0xff;
      length += 1;
    }
  }
  if (bits >= 6) return null;
  return output.subarray(0, length);
}
