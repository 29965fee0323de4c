// Office hands an attachment over as one base64 string (up to ~33 MB for a 25 MB file). atob would build
// a second string as large and copy it again; this table decoder writes straight into the bytes.
// `Uint8Array.fromBase64` would do the same, but not every Chromium and WebView the pane runs in has it.

const INVALID = 0xff;
const PAD = 0x3d;

const SEXTETS: Uint8Array = (() => {
  const table = new Uint8Array(128).fill(INVALID);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let index = 0; index < alphabet.length; index += 1) table[alphabet.charCodeAt(index)] = index;
  return table;
})();

function sextet(code: number): number {
  return code < 128 ? (SEXTETS[code] as number) : INVALID;
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

/** The bytes of an attachment Office handed over as base64; throws on characters base64 has not, as atob does. */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  let end = base64.length;
  while (end > 0 && (base64.charCodeAt(end - 1) === PAD || isWhitespace(base64.charCodeAt(end - 1)))) end -= 1;
  // Sized for input without whitespace; the view returned is trimmed to what was written.
  const bytes = new Uint8Array(Math.floor((end * 3) / 4));
  let written = 0;
  let quantum = 0;
  let held = 0;
  for (let index = 0; index < end; index += 1) {
    const code = base64.charCodeAt(index);
    const value = sextet(code);
    if (value === INVALID) {
      if (isWhitespace(code)) continue;
      throw new SyntaxError('The string to be decoded is not correctly encoded.');
    }
    quantum = (quantum << 6) | value;
    held += 1;
    if (held === 4) {
      bytes[written] = quantum >>> 16;
      bytes[written + 1] = (quantum >>> 8) & 0xff;
      bytes[written + 2] = quantum & 0xff;
      written += 3;
      quantum = 0;
      held = 0;
    }
  }
  if (held === 1) throw new SyntaxError('The string to be decoded is not correctly encoded.');
  if (held === 2) bytes[written++] = (quantum >>> 4) & 0xff;
  else if (held === 3) {
    bytes[written++] = (quantum >>> 10) & 0xff;
    bytes[written++] = (quantum >>> 2) & 0xff;
  }
  return written === bytes.length ? bytes : bytes.slice(0, written);
}
