// A linear XML tokenizer. Regexes over hostile markup can go quadratic (an unclosed `<w:t ` repeated a
// million times), so every search here starts where the previous one ended.
import { decodeEntities } from './markup.js';

export interface XmlHandler {
  open?(localName: string, attributes: string, selfClosing: boolean): void;
  close?(localName: string): void;
  /** Text between tags, entities already decoded. */
  text?(text: string): void;
}

/** End of the element name that starts at `start`: the first blank, `/` or `>`. */
function nameEnd(xml: string, start: number, limit: number): number {
  let end = start;
  while (end < limit) {
    const code = xml.charCodeAt(end);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2f) break;
    end += 1;
  }
  return end;
}

/** The name without its namespace prefix; scanned within the name only, so a long document costs nothing extra. */
function localName(xml: string, start: number, end: number): string {
  let from = start;
  for (let index = start; index < end; index += 1) if (xml.charCodeAt(index) === 0x3a) from = index + 1;
  return xml.slice(from, end);
}

export function scanXml(xml: string, handler: XmlHandler): void {
  scanFrom(xml, handler, true);
}

/**
 * Scans `xml` and returns how far it got. When `final` is false, an unfinished tag, comment or CDATA
 * section at the end and the text after the last tag are left unscanned, for the next chunk to complete.
 */
function scanFrom(xml: string, handler: XmlHandler, final: boolean): number {
  let position = 0;
  while (position < xml.length) {
    const lt = xml.indexOf('<', position);
    if (lt < 0) {
      if (!final) return position;
      handler.text?.(decodeEntities(xml.slice(position)));
      return xml.length;
    }
    if (lt > position) handler.text?.(decodeEntities(xml.slice(position, lt)));
    const unfinished = final ? xml.length : lt;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 && xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return unfinished;
      position = end + 3;
      continue;
    }
    if (next === 0x21 && xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) return unfinished;
      handler.text?.(xml.slice(lt + 9, end));
      position = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) return unfinished;
    position = gt + 1;
    if (next === 0x3f || next === 0x21) continue;
    if (next === 0x2f) {
      handler.close?.(localName(xml, lt + 2, nameEnd(xml, lt + 2, gt)));
      continue;
    }
    const selfClosing = xml.charCodeAt(gt - 1) === 0x2f && gt - 1 > lt;
    const end = nameEnd(xml, lt + 1, gt);
    if (end === lt + 1) continue;
    const name = localName(xml, lt + 1, end);
    handler.open?.(name, xml.slice(end, selfClosing ? gt - 1 : gt), selfClosing);
    if (selfClosing) handler.close?.(name);
  }
  return position;
}

/** Past this much unfinished markup (a comment that never closes), the rest is held and scanned once at the end. */
const MAX_CARRY_CHARS = 1024 * 1024;

/**
 * Scans XML that arrives in decoded pieces, as a member inflates, so a part's whole text is never built
 * as one string. What a piece leaves unfinished is carried into the next; a carry that keeps growing
 * would be rescanned with every piece, so past MAX_CARRY_CHARS the rest is kept and scanned once.
 */
export class XmlStreamScanner {
  private carry = '';
  private held: string[] | null = null;

  constructor(private readonly handler: XmlHandler) {}

  push(text: string): void {
    if (this.held !== null) {
      this.held.push(text);
      return;
    }
    const xml = this.carry === '' ? text : this.carry + text;
    const consumed = scanFrom(xml, this.handler, false);
    this.carry = consumed >= xml.length ? '' : xml.slice(consumed);
    if (this.carry.length > MAX_CARRY_CHARS) {
      this.held = [this.carry];
      this.carry = '';
    }
  }

  end(): void {
    const rest = this.held === null ? this.carry : this.held.join('');
    this.carry = '';
    this.held = null;
    if (rest !== '') scanFrom(rest, this.handler, true);
  }
}

/** The value of attribute `name` (qualified as written, e.g. `r:id`) in a tag's attribute text. */
export function attributeValue(attributes: string, name: string): string | undefined {
  let from = 0;
  while (from < attributes.length) {
    const at = attributes.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = at === 0 ? ' ' : attributes.charAt(at - 1);
    if (before !== ' ' && before !== '\t' && before !== '\n' && before !== '\r') continue;
    let cursor = from;
    while (attributes.charAt(cursor) === ' ') cursor += 1;
    if (attributes.charAt(cursor) !== '=') continue;
    cursor += 1;
    while (attributes.charAt(cursor) === ' ') cursor += 1;
    const quote = attributes.charAt(cursor);
    if (quote !== '"' && quote !== "'") continue;
    const close = attributes.indexOf(quote, cursor + 1);
    if (close < 0) return undefined;
    return decodeEntities(attributes.slice(cursor + 1, close));
  }
  return undefined;
}

export interface TextCollectorOptions {
  /** Elements whose text is kept. */
  readonly text: ReadonlySet<string>;
  /** Elements whose whole content is dropped (furigana, field codes). */
  readonly skip?: ReadonlySet<string>;
  /** Elements that stand for a separator where they open (`tab`, `br`). */
  readonly separators?: ReadonlyMap<string, string>;
  /** Elements after whose end a separator goes (`p` → newline). */
  readonly endSeparators?: ReadonlyMap<string, string>;
}

/** A handler and what it gathered once the scan is over. */
export interface XmlCollector<T> {
  readonly handler: XmlHandler;
  result(): T;
}

/** Text of the chosen elements, in document order, with separators. */
export function collectText(xml: string, options: TextCollectorOptions): string {
  const collector = textCollector(options);
  scanXml(xml, collector.handler);
  return collector.result();
}

export function textCollector(options: TextCollectorOptions): XmlCollector<string> {
  const pieces: string[] = [];
  let inText = 0;
  let inSkip = 0;
  const handler: XmlHandler = {
    open(name, _attributes, selfClosing) {
      if (options.skip?.has(name) && !selfClosing) inSkip += 1;
      else if (options.text.has(name) && !selfClosing) inText += 1;
      const separator = options.separators?.get(name);
      if (separator !== undefined && inSkip === 0) pieces.push(separator);
    },
    close(name) {
      if (options.skip?.has(name)) inSkip = Math.max(0, inSkip - 1);
      else if (options.text.has(name)) inText = Math.max(0, inText - 1);
      const separator = options.endSeparators?.get(name);
      if (separator !== undefined && inSkip === 0) pieces.push(separator);
    },
    text(text) {
      if (inText > 0 && inSkip === 0) pieces.push(text);
    },
  };
  return { handler, result: () => tidy(pieces.join('')) };
}

/** Trims lines and drops empty ones, so part text stays compact for detectors and display. */
export function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}
