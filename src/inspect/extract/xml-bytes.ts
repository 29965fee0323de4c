// The tokenizer of xml-scan.ts over UTF-8 bytes, for the parts large enough that building strings for
// their markup is the cost (a workbook's sheets, docs/inspection.md "Extraction"). It finds the same
// tags and text in the same order; names and text come as byte ranges, and only the handler decides
// what to decode. Markup is ASCII and a UTF-8 multi-byte character never holds an ASCII byte, so
// searching bytes finds what searching the decoded string finds, at the same places.

export interface XmlByteHandler {
  /** `nameStart`..`nameEnd` is the local name (no namespace prefix); `attributesStart`..`attributesEnd` what follows it. */
  open(xml: Uint8Array, nameStart: number, nameEnd: number, attributesStart: number, attributesEnd: number, selfClosing: boolean): void;
  close(xml: Uint8Array, nameStart: number, nameEnd: number): void;
  /** Text between tags as written (entities not decoded), or a CDATA section's (`cdata`, taken literally). */
  text(xml: Uint8Array, start: number, end: number, cdata: boolean): void;
  /**
   * Optional fast path: takes the whole element whose start tag opens at `lt` when it has a shape the
   * handler reads itself, leaving the handler as open, text and close would as far as anything later reads
   * it, and returns where scanning goes on; -1 leaves the element to those events. A sheet's cells are millions of small elements whose
   * events cost more than their bytes (docs/benchmarks.md, "Workbook inspection").
   */
  element?(xml: Uint8Array, lt: number): number;
}

const LT = 0x3c;
const GT = 0x3e;
const BANG = 0x21;
const QUESTION = 0x3f;
const SLASH = 0x2f;
const COLON = 0x3a;
const COMMENT_OPEN = [0x3c, 0x21, 0x2d, 0x2d];
const COMMENT_CLOSE = [0x2d, 0x2d, 0x3e];
const CDATA_OPEN = [0x3c, 0x21, 0x5b, 0x43, 0x44, 0x41, 0x54, 0x41, 0x5b];
const CDATA_CLOSE = [0x5d, 0x5d, 0x3e];

/** A plain loop: Uint8Array's indexOf costs more per call than the short distances between tags take. */
export function indexOfByte(xml: Uint8Array, byte: number, from: number): number {
  for (let index = from; index < xml.length; index += 1) if (xml[index] === byte) return index;
  return -1;
}

export function startsWith(xml: Uint8Array, at: number, sequence: readonly number[]): boolean {
  if (at + sequence.length > xml.length) return false;
  for (let index = 0; index < sequence.length; index += 1) if (xml[at + index] !== sequence[index]) return false;
  return true;
}

function indexOfSequence(xml: Uint8Array, sequence: readonly number[], from: number): number {
  for (let at = xml.indexOf(sequence[0] ?? 0, from); at >= 0; at = xml.indexOf(sequence[0] ?? 0, at + 1)) {
    if (startsWith(xml, at, sequence)) return at;
  }
  return -1;
}

/** End of the element name that starts at `start`: the first blank, `/` or `>`. */
function nameEnd(xml: Uint8Array, start: number, limit: number): number {
  let end = start;
  while (end < limit) {
    const code = xml[end];
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === SLASH) break;
    end += 1;
  }
  return end;
}

/** Where the name without its namespace prefix starts. */
function localStart(xml: Uint8Array, start: number, end: number): number {
  let from = start;
  for (let index = start; index < end; index += 1) if (xml[index] === COLON) from = index + 1;
  return from;
}

/** As scanFrom in xml-scan.ts, over bytes: how far it got; with `final` false, what is unfinished is left. */
function scanBytesFrom(xml: Uint8Array, handler: XmlByteHandler, final: boolean): number {
  let position = 0;
  while (position < xml.length) {
    const lt = indexOfByte(xml, LT, position);
    if (lt < 0) {
      if (!final) return position;
      handler.text(xml, position, xml.length, false);
      return xml.length;
    }
    if (lt > position) handler.text(xml, position, lt, false);
    const unfinished = final ? xml.length : lt;
    const next = xml[lt + 1];
    if (next === BANG && startsWith(xml, lt, COMMENT_OPEN)) {
      const end = indexOfSequence(xml, COMMENT_CLOSE, lt + 4);
      if (end < 0) return unfinished;
      position = end + 3;
      continue;
    }
    if (next === BANG && startsWith(xml, lt, CDATA_OPEN)) {
      const end = indexOfSequence(xml, CDATA_CLOSE, lt + 9);
      if (end < 0) return unfinished;
      handler.text(xml, lt + 9, end, true);
      position = end + 3;
      continue;
    }
    if (handler.element !== undefined && next !== SLASH && next !== QUESTION && next !== BANG) {
      const after = handler.element(xml, lt);
      if (after >= 0) {
        position = after;
        continue;
      }
    }
    const gt = indexOfByte(xml, GT, lt + 1);
    if (gt < 0) return unfinished;
    position = gt + 1;
    if (next === QUESTION || next === BANG) continue;
    if (next === SLASH) {
      const end = nameEnd(xml, lt + 2, gt);
      handler.close(xml, localStart(xml, lt + 2, end), end);
      continue;
    }
    const selfClosing = xml[gt - 1] === SLASH && gt - 1 > lt;
    const end = nameEnd(xml, lt + 1, gt);
    if (end === lt + 1) continue;
    const start = localStart(xml, lt + 1, end);
    handler.open(xml, start, end, end, selfClosing ? gt - 1 : gt, selfClosing);
    if (selfClosing) handler.close(xml, start, end);
  }
  return position;
}

export function scanXmlBytes(xml: Uint8Array, handler: XmlByteHandler): void {
  scanBytesFrom(xml, handler, true);
}

/** Past this much unfinished markup (a comment that never closes), the rest is held and scanned once at the end. */
const MAX_CARRY_BYTES = 1024 * 1024;

function joined(pieces: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  const whole = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    whole.set(piece, at);
    at += piece.length;
  }
  return whole;
}

/**
 * XmlStreamScanner (xml-scan.ts) over bytes as a member inflates: what a chunk leaves unfinished is
 * copied and carried into the next, and past MAX_CARRY_BYTES the rest is kept and scanned once. A chunk
 * is only read during push, so the inflater may reuse it.
 */
export class XmlByteStreamScanner {
  private carry: Uint8Array = new Uint8Array(0);
  private held: Uint8Array[] | null = null;

  constructor(private readonly handler: XmlByteHandler) {}

  push(chunk: Uint8Array): void {
    if (this.held !== null) {
      this.held.push(chunk.slice());
      return;
    }
    const xml = this.carry.length === 0 ? chunk : joined([this.carry, chunk]);
    const consumed = scanBytesFrom(xml, this.handler, false);
    this.carry = xml.slice(consumed);
    if (this.carry.length > MAX_CARRY_BYTES) {
      this.held = [this.carry];
      this.carry = new Uint8Array(0);
    }
  }

  end(): void {
    const rest = this.held === null ? this.carry : joined(this.held);
    this.carry = new Uint8Array(0);
    this.held = null;
    if (rest.length > 0) scanBytesFrom(rest, this.handler, true);
  }
}

/** Whether the bytes `start`..`end` spell the ASCII `name`. */
export function isName(xml: Uint8Array, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let index = 0; index < name.length; index += 1) if (xml[start + index] !== name.charCodeAt(index)) return false;
  return true;
}

export function isBlank(code: number | undefined): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Where the value of attribute `name` lies in the attribute bytes `start`..`end`, found as
 * attributeValue (xml-scan.ts) finds it; entities in it are not decoded. Null when absent.
 */
export function attributeRange(xml: Uint8Array, start: number, end: number, name: string): readonly [number, number] | null {
  let from = start;
  const first = name.charCodeAt(0);
  while (from < end) {
    let at = from;
    while (at < end && (xml[at] !== first || !isName(xml, at, Math.min(at + name.length, end), name))) at += 1;
    if (at >= end) return null;
    from = at + name.length;
    if (at !== start && !isBlank(xml[at - 1])) continue;
    let cursor = from;
    while (cursor < end && xml[cursor] === 0x20) cursor += 1;
    if (cursor >= end || xml[cursor] !== 0x3d) continue;
    cursor += 1;
    while (cursor < end && xml[cursor] === 0x20) cursor += 1;
    const quote = xml[cursor];
    if (cursor >= end || (quote !== 0x22 && quote !== 0x27)) continue;
    let close = cursor + 1;
    while (close < end && xml[close] !== quote) close += 1;
    if (close >= end) return null;
    return [cursor + 1, close];
  }
  return null;
}
