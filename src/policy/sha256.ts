// SHA-256 (FIPS 180-4) in plain JavaScript: classic Outlook's JS-only runtime has no crypto.subtle and no
// TextEncoder, and the fingerprint must come out the same in the handler, the pane and the CLI.

interface Utf8Encoder {
  encodeInto(text: string, into: Uint8Array): { readonly written: number };
}

// Where there is one (browsers, Node, new Outlook), TextEncoder writes the bytes some thirty times faster
// than the loop below, which classic Outlook's runtime still takes (docs/benchmarks.md "Policy evaluate").
const Encoder = (globalThis as { TextEncoder?: new () => Utf8Encoder }).TextEncoder;
const encoder = Encoder === undefined ? null : new Encoder();

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

// Kept between calls: a fresh buffer of three bytes per character for each 40 KB fingerprint text was
// a good part of evaluate's garbage (docs/benchmarks.md "Policy evaluate"). Texts past this stay their own.
const KEPT_BYTES = 1 << 20;
let kept = new Uint8Array(0);

/** The UTF-8 bytes of `text` into `bytes`; a lone surrogate becomes U+FFFD, as TextEncoder does. */
function writeUtf8(text: string, bytes: Uint8Array): number {
  let at = 0;
  for (let index = 0; index < text.length; index += 1) {
    let point = text.charCodeAt(index);
    if (point < 0x80) {
      bytes[at++] = point;
      continue;
    }
    if (point >= 0xd800 && point <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        point = 0x10000 + ((point - 0xd800) << 10) + (low - 0xdc00);
        index += 1;
      }
    }
    if (point >= 0xd800 && point <= 0xdfff) point = 0xfffd;
    if (point < 0x800) {
      bytes[at++] = 0xc0 | (point >> 6);
      bytes[at++] = 0x80 | (point & 0x3f);
    } else if (point < 0x10000) {
      bytes[at++] = 0xe0 | (point >> 12);
      bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
      bytes[at++] = 0x80 | (point & 0x3f);
    } else {
      bytes[at++] = 0xf0 | (point >> 18);
      bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
      bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
      bytes[at++] = 0x80 | (point & 0x3f);
    }
  }
  return at;
}

/**
 * The padded message (FIPS 180-4 §5.1.1) with the UTF-8 bytes written straight into it: one buffer, sized
 * for the worst case of three bytes per UTF-16 unit, instead of arrays grown byte by byte. The bytes are
 * valid until the next call.
 */
function paddedUtf8(text: string): { readonly bytes: Uint8Array; readonly length: number; readonly blocks: number } {
  const size = text.length * 3 + 72;
  if (size > kept.length && size <= KEPT_BYTES) kept = new Uint8Array(Math.min(KEPT_BYTES, Math.max(size, kept.length * 2)));
  const bytes = size <= kept.length ? kept : new Uint8Array(size);
  const length = encoder === null ? writeUtf8(text, bytes) : encoder.encodeInto(text, bytes).written;
  bytes[length] = 0x80;
  const blocks = Math.ceil((length + 9) / 64);
  const end = blocks * 64;
  bytes.fill(0, length + 1, end - 8);
  const bitLength = length * 8;
  const high = Math.floor(bitLength / 0x100000000);
  const low = bitLength >>> 0;
  bytes[end - 8] = high >>> 24;
  bytes[end - 7] = (high >>> 16) & 0xff;
  bytes[end - 6] = (high >>> 8) & 0xff;
  bytes[end - 5] = high & 0xff;
  bytes[end - 4] = low >>> 24;
  bytes[end - 3] = (low >>> 16) & 0xff;
  bytes[end - 2] = (low >>> 8) & 0xff;
  bytes[end - 1] = low & 0xff;
  return { bytes, length, blocks };
}

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as TextEncoder does. */
export function utf8Bytes(text: string): number[] {
  const { bytes, length } = paddedUtf8(text);
  return Array.from(bytes.subarray(0, length));
}

const w = new Int32Array(64);

function compress(state: Int32Array, bytes: Uint8Array, offset: number): void {
  for (let t = 0; t < 16; t += 1) {
    const at = offset + t * 4;
    w[t] = ((bytes[at] as number) << 24) | ((bytes[at + 1] as number) << 16) | ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number);
  }
  for (let t = 16; t < 64; t += 1) {
    const w15 = w[t - 15] as number;
    const w2 = w[t - 2] as number;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) | 0;
  }
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  let e = state[4] as number;
  let f = state[5] as number;
  let g = state[6] as number;
  let h = state[7] as number;
  for (let t = 0; t < 64; t += 1) {
    const sum1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const choose = (e & f) ^ (~e & g);
    const temp1 = (h + sum1 + choose + (K[t] as number) + (w[t] as number)) | 0;
    const sum0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const majority = (a & b) ^ (a & c) ^ (b & c);
    h = g;
    g = f;
    f = e;
    e = (d + temp1) | 0;
    d = c;
    c = b;
    b = a;
    a = (temp1 + sum0 + majority) | 0;
  }
  state[0] = ((state[0] as number) + a) | 0;
  state[1] = ((state[1] as number) + b) | 0;
  state[2] = ((state[2] as number) + c) | 0;
  state[3] = ((state[3] as number) + d) | 0;
  state[4] = ((state[4] as number) + e) | 0;
  state[5] = ((state[5] as number) + f) | 0;
  state[6] = ((state[6] as number) + g) | 0;
  state[7] = ((state[7] as number) + h) | 0;
}

/** Lower-case hex SHA-256 of the UTF-8 encoding of `text`. */
export function sha256Hex(text: string): string {
  const { bytes, blocks } = paddedUtf8(text);
  const state = new Int32Array(INITIAL);
  for (let block = 0; block < blocks; block += 1) compress(state, bytes, block * 64);
  let hex = '';
  for (let index = 0; index < 8; index += 1) hex += `00000000${((state[index] as number) >>> 0).toString(16)}`.slice(-8);
  return hex;
}
