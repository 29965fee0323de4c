// A small, strict XML reader for checking manifest.xml without a dependency: elements, attributes,
// namespaces, text, CDATA, comments and the five predefined entities plus character references. No
// DTDs (a manifest has none). Any malformation throws XmlSyntaxError with its line and column.

export interface XmlElement {
  /** As written, e.g. `bt:Image`. */
  readonly name: string;
  readonly localName: string;
  /** The namespace URI in scope for the element's prefix, or null. */
  readonly namespace: string | null;
  /** Attributes as written (qualified names), xmlns declarations included. */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** The element's own text, its children's excluded, entities decoded. */
  readonly text: string;
  readonly line: number;
}

export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';

  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} at line ${line}, column ${column}`);
  }
}

interface MutableElement {
  name: string;
  localName: string;
  namespace: string | null;
  attributes: Map<string, string>;
  children: MutableElement[];
  text: string;
  line: number;
  scope: ReadonlyMap<string, string>;
}

const PREDEFINED = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

function isNameStart(character: string): boolean {
  return /[A-Za-z_:]/.test(character) || character.charCodeAt(0) > 0x7f;
}

function isNameCharacter(character: string): boolean {
  return isNameStart(character) || /[0-9.\-]/.test(character);
}

function isSpace(character: string | undefined): boolean {
  return character === ' ' || character === '\t' || character === '\n' || character === '\r';
}

class Reader {
  private position = 0;

  constructor(private readonly text: string) {}

  fail(message: string, at = this.position): never {
    const before = this.text.slice(0, at);
    const line = before.split('\n').length;
    throw new XmlSyntaxError(message, line, at - before.lastIndexOf('\n'));
  }

  get line(): number {
    return this.text.slice(0, this.position).split('\n').length;
  }

  get done(): boolean {
    return this.position >= this.text.length;
  }

  peek(length = 1): string {
    return this.text.slice(this.position, this.position + length);
  }

  startsWith(prefix: string): boolean {
    return this.text.startsWith(prefix, this.position);
  }

  expect(literal: string): void {
    if (!this.startsWith(literal)) this.fail(`expected "${literal}"`);
    this.position += literal.length;
  }

  skipSpace(): boolean {
    const start = this.position;
    while (isSpace(this.text[this.position])) this.position += 1;
    return this.position > start;
  }

  /** Everything up to `terminator`, which is consumed; `what` names the construct in errors. */
  until(terminator: string, what: string): string {
    const end = this.text.indexOf(terminator, this.position);
    if (end < 0) this.fail(`unterminated ${what}`);
    const content = this.text.slice(this.position, end);
    this.position = end + terminator.length;
    return content;
  }

  name(): string {
    const start = this.position;
    if (!isNameStart(this.text[this.position] ?? '')) this.fail('expected a name');
    while (isNameCharacter(this.text[this.position] ?? '')) this.position += 1;
    return this.text.slice(start, this.position);
  }

  /** Text up to `stop` (`<`, or the closing quote of an attribute value), with references decoded. */
  characters(stop: string): string {
    let result = '';
    while (!this.done && this.text[this.position] !== stop) {
      const character = this.text[this.position] ?? '';
      if (character === '&') {
        result += this.reference();
        continue;
      }
      if (character === '<') this.fail('"<" in an attribute value');
      result += character;
      this.position += 1;
    }
    return result;
  }

  private reference(): string {
    const start = this.position;
    this.position += 1;
    const body = this.until(';', 'entity reference');
    if (body.startsWith('#x')) return this.codePoint(Number.parseInt(body.slice(2), 16), body, start);
    if (body.startsWith('#')) return this.codePoint(Number.parseInt(body.slice(1), 10), body, start);
    const value = PREDEFINED.get(body);
    if (value === undefined) this.fail(`unknown entity "&${body};"`, start);
    return value;
  }

  private codePoint(value: number, body: string, start: number): string {
    if (!Number.isInteger(value) || value <= 0 || value > 0x10ffff || !/^#(x[0-9A-Fa-f]+|[0-9]+)$/.test(body)) {
      this.fail(`bad character reference "&${body};"`, start);
    }
    return String.fromCodePoint(value);
  }

  skip(length: number): void {
    this.position += length;
  }

  get offset(): number {
    return this.position;
  }
}

function splitName(name: string): { prefix: string | null; localName: string } {
  const colon = name.indexOf(':');
  return colon < 0 ? { prefix: null, localName: name } : { prefix: name.slice(0, colon), localName: name.slice(colon + 1) };
}

function skipMisc(reader: Reader): void {
  for (;;) {
    reader.skipSpace();
    if (reader.startsWith('<!--')) {
      reader.skip(4);
      const body = reader.until('-->', 'comment');
      if (body.includes('--')) reader.fail('"--" inside a comment');
    } else if (reader.startsWith('<?')) {
      reader.skip(2);
      reader.until('?>', 'processing instruction');
    } else if (reader.startsWith('<!DOCTYPE')) {
      reader.fail('DOCTYPE is not allowed');
    } else {
      return;
    }
  }
}

function readStartTag(reader: Reader, parentScope: ReadonlyMap<string, string>): { element: MutableElement; empty: boolean } {
  const line = reader.line;
  reader.expect('<');
  const name = reader.name();
  const attributes = new Map<string, string>();
  for (;;) {
    const spaced = reader.skipSpace();
    if (reader.startsWith('/>') || reader.startsWith('>')) break;
    if (!spaced) reader.fail('expected a space before the attribute');
    const at = reader.offset;
    const attribute = reader.name();
    reader.skipSpace();
    reader.expect('=');
    reader.skipSpace();
    const quote = reader.peek();
    if (quote !== '"' && quote !== "'") reader.fail('expected a quoted attribute value');
    reader.skip(1);
    const value = reader.characters(quote);
    if (reader.done) reader.fail('unterminated attribute value');
    reader.expect(quote);
    if (attributes.has(attribute)) reader.fail(`duplicate attribute "${attribute}"`, at);
    attributes.set(attribute, value);
  }
  const empty = reader.startsWith('/>');
  reader.skip(empty ? 2 : 1);

  const scope = new Map(parentScope);
  for (const [attribute, value] of attributes) {
    if (attribute === 'xmlns') scope.set('', value);
    else if (attribute.startsWith('xmlns:')) scope.set(attribute.slice(6), value);
  }
  const { prefix, localName } = splitName(name);
  const namespace = scope.get(prefix ?? '') ?? null;
  if (prefix !== null && namespace === null) reader.fail(`undeclared namespace prefix "${prefix}"`);
  return { element: { name, localName, namespace, attributes, children: [], text: '', line, scope }, empty };
}

function readContent(reader: Reader, element: MutableElement): void {
  for (;;) {
    element.text += reader.characters('<');
    if (reader.done) reader.fail(`<${element.name}> is not closed`);
    if (reader.startsWith('</')) {
      const at = reader.offset;
      reader.skip(2);
      const name = reader.name();
      reader.skipSpace();
      reader.expect('>');
      if (name !== element.name) reader.fail(`</${name}> closes <${element.name}>`, at);
      return;
    }
    if (reader.startsWith('<!--')) {
      reader.skip(4);
      if (reader.until('-->', 'comment').includes('--')) reader.fail('"--" inside a comment');
    } else if (reader.startsWith('<![CDATA[')) {
      reader.skip(9);
      element.text += reader.until(']]>', 'CDATA section');
    } else if (reader.startsWith('<?')) {
      reader.skip(2);
      reader.until('?>', 'processing instruction');
    } else {
      element.children.push(readElement(reader, element.scope));
    }
  }
}

function readElement(reader: Reader, scope: ReadonlyMap<string, string>): MutableElement {
  const { element, empty } = readStartTag(reader, scope);
  if (!empty) readContent(reader, element);
  return element;
}

export function parseXml(text: string): XmlElement {
  const reader = new Reader(text.replace(/^\uFEFF/, ''));
  skipMisc(reader);
  if (reader.done || reader.peek() !== '<') reader.fail('expected the root element');
  const root = readElement(reader, new Map());
  skipMisc(reader);
  if (!reader.done) reader.fail('content after the root element');
  return root;
}

/** Depth-first, the element itself first. */
export function* descendants(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* descendants(child);
}

export function childrenNamed(element: XmlElement, localName: string): XmlElement[] {
  return element.children.filter((child) => child.localName === localName);
}

export function onlyChild(element: XmlElement, localName: string): XmlElement {
  const found = childrenNamed(element, localName);
  if (found.length !== 1) throw new Error(`<${element.name}> (line ${element.line}) has ${found.length} <${localName}>, expected 1`);
  return found[0] as XmlElement;
}
