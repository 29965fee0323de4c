// Strict UTF-8 decoding without TextDecoder, which classic Outlook's JS-only runtime does not offer.

/** The text, or null when the bytes are not well-formed UTF-8 (the pane reads other encodings). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const chunks: string[] = [];
  let units: number[] = [];
  let index = start;
  while (index < bytes.length) {
    const first = bytes[index] ?? 0;
    let point: number;
    let length: number;
    if (first < 0x80) {
      point = first;
      length = 1;
    } else if (first >= 0xc2 && first <= 0xdf) {
      point = first & 0x1f;
      length = 2;
    } else if (first >= 0xe0 && first <= 0xef) {
      point = first & 0x0f;
      length = 3;
    } else if (first >= 0xf0 && first <= 0xf4) {
      point = first & 0x07;
      length = 4;
    } else {
      return null;
    }
    if (index + length > bytes.length) return null;
    for (let offset = 1; offset < length; offset += 1) {
      const next = bytes[index + offset] ?? 0;
      if ((next & 0xc0) !== 0x80) return null;
      point = (point << 6) | (next & 0x3f);
    }
    if (!isShortest(point, length) || (point >= 0xd800 && point <= 0xdfff) || point > 0x10ffff) return null;
    if (point >= 0x10000) {
      const high = point - 0x10000;
      units.push(0xd800 + (high >> 10), 0xdc00 + (high & 0x3ff));
    } else {
      units.push(point);
    }
    if (units.length >= 8192) {
      chunks.push(String.fromCharCode(...units));
      units = [];
    }
    index += length;
  }
  chunks.push(String.fromCharCode(...units));
  return chunks.join('');
}

function isShortest(point: number, length: number): boolean {
  if (length === 2) return point >= 0x80;
  if (length === 3) return point >= 0x800;
  if (length === 4) return point >= 0x10000;
  return true;
}
