// DEFLATE (https://www.rfc-editor.org/rfc/rfc1951) for the generated tables: Huffman codes on top of
// copies from earlier text take the Public Suffix List's trie text from 86 KB to 34 KB, where copies
// alone took it to 47 KB. ES2016 has no DecompressionStream and the handler's runtime no DOM, so the
// decoder is ours: a canonical Huffman code is read one bit at a time, the way zlib's puff does
// (https://github.com/madler/zlib/blob/master/contrib/puff/puff.c).

/**
 * How the compressed bytes are written into a single-quoted literal: each 13 bits, least significant
 * first as DEFLATE reads them, as two of `digits` (93 printable characters; 93 * 93 > 2 ** 13).
 */
const BITS_PER_PAIR = 13;
const MAX_CODE_LENGTH = 15;

interface Huffman {
  /** How many codes have each length. */
  readonly counts: readonly number[];
  /** The symbols ordered by code length, then by value: the canonical code's order. */
  readonly symbols: readonly number[];
}

function huffman(lengths: readonly number[]): Huffman {
  const counts: number[] = new Array<number>(MAX_CODE_LENGTH + 1).fill(0);
  for (const length of lengths) counts[length] = counts[length]! + 1;
  counts[0] = 0;
  const symbols: number[] = [];
  for (let length = 1; length <= MAX_CODE_LENGTH; length += 1) {
    lengths.forEach((symbolLength, symbol) => {
      if (symbolLength === length) symbols.push(symbol);
    });
  }
  return { counts, symbols };
}

/** Bases and extra-bit counts of the length (257–285) and distance (0–29) symbols, RFC 1951 3.2.5. */
function baseTable(size: number, first: number, extraOf: (index: number) => number): { base: number[]; extra: number[] } {
  const base: number[] = [];
  const extra: number[] = [];
  for (let index = 0, next = first; index < size; index += 1) {
    base.push(next);
    extra.push(extraOf(index));
    next += 1 << extraOf(index);
  }
  return { base, extra };
}

const LENGTHS = baseTable(29, 3, (index) => (index < 8 || index === 28 ? 0 : (index - 4) >> 2));
// The last length symbol means 258, not the next step.
LENGTHS.base[28] = 258;
const DISTANCES = baseTable(30, 1, (index) => (index < 4 ? 0 : (index - 2) >> 1));
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

function fixedCodes(): { literals: Huffman; distances: Huffman } {
  const lengths: number[] = [];
  for (let symbol = 0; symbol < 288; symbol += 1) lengths.push(symbol < 144 ? 8 : symbol < 256 ? 9 : symbol < 280 ? 7 : 8);
  return { literals: huffman(lengths), distances: huffman(new Array<number>(30).fill(5)) };
}

/** The codes a dynamic block starts with (RFC 1951 3.2.7). */
function dynamicCodes(bits: (count: number) => number, decode: (code: Huffman) => number): { literals: Huffman; distances: Huffman } {
  const literalCount = bits(5) + 257;
  const distanceCount = bits(5) + 1;
  const lengthCodeCount = bits(4) + 4;
  const lengthCodeLengths: number[] = new Array<number>(19).fill(0);
  for (let k = 0; k < lengthCodeCount; k += 1) lengthCodeLengths[CODE_LENGTH_ORDER[k]!] = bits(3);
  const lengthCode = huffman(lengthCodeLengths);
  const lengths: number[] = [];
  while (lengths.length < literalCount + distanceCount) {
    const symbol = decode(lengthCode);
    if (symbol < 16) {
      lengths.push(symbol);
      continue;
    }
    const repeated = symbol === 16 ? lengths[lengths.length - 1]! : 0;
    const times = symbol === 16 ? bits(2) + 3 : symbol === 17 ? bits(3) + 3 : bits(7) + 11;
    for (let k = 0; k < times; k += 1) lengths.push(repeated);
  }
  return { literals: huffman(lengths.slice(0, literalCount)), distances: huffman(lengths.slice(literalCount)) };
}

/** The bytes DEFLATE-compressed into `packed` (see BITS_PER_PAIR), as one Latin-1 character each. */
export function inflateText(packed: string, digits: string): string {
  let pair = 0;
  let buffer = 0;
  let buffered = 0;
  let read = 0;
  const bits = (count: number): number => {
    while (buffered < count) {
      if (pair >= packed.length) throw new Error('Compressed text ends early');
      const value = digits.indexOf(packed.charAt(pair)) * digits.length + digits.indexOf(packed.charAt(pair + 1));
      pair += 2;
      buffer |= value << buffered;
      buffered += BITS_PER_PAIR;
    }
    const value = buffer & ((1 << count) - 1);
    buffer >>>= count;
    buffered -= count;
    read += count;
    return value;
  };
  const decode = (code: Huffman): number => {
    let value = 0;
    let first = 0;
    let index = 0;
    for (let length = 1; length <= MAX_CODE_LENGTH; length += 1) {
      value |= bits(1);
      const count = code.counts[length]!;
      if (value - first < count) return code.symbols[index + value - first]!;
      index += count;
      first = (first + count) << 1;
      value <<= 1;
    }
    throw new Error('Invalid Huffman code');
  };
  const output: number[] = [];
  let final = 0;
  while (final === 0) {
    final = bits(1);
    const type = bits(2);
    if (type === 0) {
      bits((8 - (read % 8)) % 8);
      const length = bits(16);
      bits(16);
      for (let k = 0; k < length; k += 1) output.push(bits(8));
      continue;
    }
    if (type !== 1 && type !== 2) throw new Error('Invalid block type');
    const codes = type === 1 ? fixedCodes() : dynamicCodes(bits, decode);
    for (let symbol = decode(codes.literals); symbol !== 256; symbol = decode(codes.literals)) {
      if (symbol < 256) {
        output.push(symbol);
        continue;
      }
      const lengthIndex = symbol - 257;
      const length = LENGTHS.base[lengthIndex]! + bits(LENGTHS.extra[lengthIndex]!);
      const distanceIndex = decode(codes.distances);
      const distance = DISTANCES.base[distanceIndex]! + bits(DISTANCES.extra[distanceIndex]!);
      // One byte at a time: a copy may overlap the bytes it is appending.
      for (let k = 0, from = output.length - distance; k < length; k += 1) output.push(output[from + k]!);
    }
  }
  let text = '';
  for (let start = 0; start < output.length; start += 4096) text += String.fromCharCode(...output.slice(start, start + 4096));
  return text;
}
