// Text gathered as UTF-8 bytes and decoded once, so the cells of a large sheet never each become a string
// (docs/inspection.md, "Extraction"). Decoding the gathered bytes must give exactly the concatenation of
// what each appended piece decodes to on its own, as the string path decodes it between tags: a piece
// that ends inside a character (broken UTF-8) would join the next piece into a character neither holds,
// so such a piece, and text with character references, goes through a string and back.
import { ambientTextDecoder, type TextDecoderLike } from '../text-decoder.js';
import { decodeEntities } from './markup.js';

interface TextEncoderLike {
  encodeInto(text: string, into: Uint8Array): { readonly written: number };
}
type TextEncoderConstructor = new () => TextEncoderLike;

export interface Utf8Codec {
  readonly decoder: TextDecoderLike;
  readonly encoder: TextEncoderLike;
}

const AMPERSAND = 0x26;
/** Up to this many bytes a loop copies faster than making a subarray for set(). */
const SHORT_COPY = 64;

/**
 * The decoder keeps a byte order mark where it stands: inside a part it is text, as the part's streaming
 * decoder reads it there. Null without TextDecoder and TextEncoder.
 */
export function utf8Codec(): Utf8Codec | null {
  const Encoder = (globalThis as { TextEncoder?: TextEncoderConstructor }).TextEncoder;
  const decoder = ambientTextDecoder('utf-8', { ignoreBOM: true });
  return decoder === null || Encoder === undefined ? null : { decoder, encoder: new Encoder() };
}

/** Whether the bytes end with a character still waiting for its continuation bytes; unsure cases count as waiting. */
function endsInsideCharacter(bytes: Uint8Array, start: number, end: number): boolean {
  let index = end - 1;
  let continuations = 0;
  while (index >= start && continuations < 4 && ((bytes[index] ?? 0) & 0xc0) === 0x80) {
    index -= 1;
    continuations += 1;
  }
  if (index < start) return continuations > 0;
  const lead = bytes[index] ?? 0;
  if (lead < 0x80) return continuations > 0;
  const wanted = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
  return continuations !== wanted;
}

function holds(bytes: Uint8Array, start: number, end: number, byte: number): boolean {
  for (let index = start; index < end; index += 1) if (bytes[index] === byte) return true;
  return false;
}

/** Text between tags that decodes to itself piece by piece: no character reference, no character cut at its end. */
export function isPlainText(bytes: Uint8Array, start: number, end: number): boolean {
  return !holds(bytes, start, end, AMPERSAND) && !endsInsideCharacter(bytes, start, end);
}

export class Utf8Output {
  private bytes: Uint8Array;
  length = 0;
  constructor(
    private readonly codec: Utf8Codec,
    capacity = 64 * 1024,
  ) {
    this.bytes = new Uint8Array(Math.max(capacity, 64));
  }

  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + more));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  appendByte(byte: number): void {
    this.reserve(1);
    this.bytes[this.length] = byte;
    this.length += 1;
  }

  appendString(text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    this.reserve(text.length * 3);
    this.length += this.codec.encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
  }

  /** Bytes already checked to be whole characters (another Utf8Output's). */
  appendChecked(source: Uint8Array, start: number, end: number): void {
    this.reserve(end - start);
    if (end - start > SHORT_COPY) this.bytes.set(source.subarray(start, end), this.length);
    else for (let from = start, to = this.length; from < end; from += 1, to += 1) this.bytes[to] = source[from] ?? 0;
    this.length += end - start;
  }

  /** Text from between tags: entities decoded unless `literal` (CDATA), as xml-scan.ts hands it over. */
  appendText(source: Uint8Array, start: number, end: number, literal: boolean): void {
    if (start >= end) return;
    if (literal ? !endsInsideCharacter(source, start, end) : isPlainText(source, start, end)) {
      this.appendChecked(source, start, end);
      return;
    }
    const text = this.codec.decoder.decode(source.subarray(start, end));
    this.appendString(literal ? text : decodeEntities(text));
  }

  /** The buffer, whose first `length` bytes are the text gathered; valid until the next append or clear. */
  buffer(): Uint8Array {
    return this.bytes;
  }

  clear(): void {
    this.length = 0;
  }

  text(start = 0, end = this.length): string {
    return this.codec.decoder.decode(this.bytes.subarray(start, end));
  }
}
