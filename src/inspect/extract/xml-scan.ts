// A linear XML tokenizer. Regexes over hostile markup can go quadratic (an unclosed `<w:t ` repeated a
// million times), so every search here starts where the previous one ended.
import { decodeEntities } from './markup.js';

export interface XmlHandler {
  open?(localName: string, attributes: string, selfClosing: boolean): void;
  close?(localName: string): void;
  /** Text between tags, entities already decoded. */
  text?(text: string): void;
}

function localNameOf(tag: string, start: number): { name: string; end: number } {
  let end = start;
  while (end < tag.length) {
    const code = tag.charCodeAt(end);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2f) break;
    end += 1;
  }
  const qualified = tag.slice(start, end);
  const colon = qualified.lastIndexOf(':');
  return { name: colon < 0 ? qualified : qualified.slice(colon + 1), end };
}

export function scanXml(xml: string, handler: XmlHandler): void {
  let position = 0;
  while (position < xml.length) {
    const lt = xml.indexOf('<', position);
    if (lt < 0) {
      handler.text?.(decodeEntities(xml.slice(position)));
      return;
    }
    if (lt > position) handler.text?.(decodeEntities(xml.slice(position, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return;
      position = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) return;
      handler.text?.(xml.slice(lt + 9, end));
      position = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) return;
    const tag = xml.slice(lt + 1, gt);
    position = gt + 1;
    if (tag.startsWith('?') || tag.startsWith('!')) continue;
    if (tag.startsWith('/')) {
      handler.close?.(localNameOf(tag, 1).name);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const { name, end } = localNameOf(tag, 0);
    if (name === '') continue;
    handler.open?.(name, tag.slice(end, selfClosing ? tag.length - 1 : tag.length), selfClosing);
    if (selfClosing) handler.close?.(name);
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

/** Text of the chosen elements, in document order, with separators. */
export function collectText(xml: string, options: TextCollectorOptions): string {
  const pieces: string[] = [];
  let inText = 0;
  let inSkip = 0;
  scanXml(xml, {
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
  });
  return tidy(pieces.join(''));
}

/** Trims lines and drops empty ones, so part text stays compact for detectors and display. */
export function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}
