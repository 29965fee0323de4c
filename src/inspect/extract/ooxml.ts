// Word, Excel and PowerPoint packages (docs/inspection.md, "Extraction"): which parts hold text and which elements in them.
import { utf8Pieces, utf8Text } from './decode-text.js';
import type { ExtractionBudget, ExtractionLimit, ExtractionReaders, TextPart, TextStream } from './types.js';
import {
  attributeValue,
  scanXml,
  textCollector,
  tidy,
  XmlStreamScanner,
  type TextCollectorOptions,
  type XmlCollector,
  type XmlHandler,
} from './xml-scan.js';
import type { OpenArchive } from './zip-archive.js';
import { sharedStringBytes, sheetTextBytes } from './sheet-bytes.js';
import { sharedStrings, sheetText } from './sheet-text.js';
import { utf8Codec } from './utf8-output.js';
import { XmlByteStreamScanner, type XmlByteHandler } from './xml-bytes.js';

export type OfficeKind = 'docx' | 'xlsx' | 'pptx';

export interface PartsOutcome {
  readonly parts: readonly TextPart[];
  readonly stop?: { readonly reason: string; readonly limit?: ExtractionLimit };
}

export function officeKind(archive: OpenArchive): OfficeKind | null {
  if (archive.has('word/document.xml')) return 'docx';
  if (archive.has('xl/workbook.xml')) return 'xlsx';
  if (archive.has('ppt/presentation.xml')) return 'pptx';
  return null;
}

const WORD_TEXT = {
  text: new Set(['t', 'delText']),
  // `rt` is ruby (furigana) text; `instrText` holds field codes, not content.
  skip: new Set(['rt', 'instrText']),
  separators: new Map([
    ['tab', '\t'],
    ['br', '\n'],
    ['cr', '\n'],
  ]),
  endSeparators: new Map([
    ['p', '\n'],
    ['tc', '\t'],
  ]),
};

const DRAWING_TEXT = {
  text: new Set(['t']),
  separators: new Map([
    ['br', '\n'],
    ['tab', '\t'],
  ]),
  endSeparators: new Map([['p', '\n']]),
};

const CELL_COMMENT_TEXT = {
  text: new Set(['t', 'text']),
  skip: new Set(['rPh']),
  endSeparators: new Map([
    ['comment', '\n'],
    ['threadedComment', '\n'],
    ['si', '\n'],
  ]),
};

const PROPERTY_TEXT = {
  text: new Set([
    'creator',
    'lastModifiedBy',
    'title',
    'subject',
    'description',
    'keywords',
    'category',
    'Company',
    'Manager',
    'lpwstr',
    'lpstr',
  ]),
  endSeparators: new Map([
    ['creator', '\n'],
    ['lastModifiedBy', '\n'],
    ['title', '\n'],
    ['subject', '\n'],
    ['description', '\n'],
    ['keywords', '\n'],
    ['category', '\n'],
    ['Company', '\n'],
    ['Manager', '\n'],
    ['property', '\n'],
  ]),
};

const PROPERTY_PARTS = ['docProps/core.xml', 'docProps/app.xml', 'docProps/custom.xml'];

interface PartReader {
  readonly parts: TextPart[];
  /** The XML of a part, or null when it stopped the extraction (then `stopped` says why). */
  xml(name: string): Promise<string | null>;
  /** Scans a part as it inflates; false when it stopped the extraction (then `stopped` says why). */
  scan(name: string, handler: XmlHandler): Promise<boolean>;
  /** Scans a part's bytes as it inflates, without decoding them (xml-bytes.ts); false as for scan. */
  scanBytes(name: string, handler: XmlByteHandler): Promise<boolean>;
  stopped: PartsOutcome['stop'];
  add(where: string, text: string, stream?: TextStream): void;
}

function partReader(archive: OpenArchive, budget: ExtractionBudget): PartReader {
  const streamPart = async (name: string, take: (chunk: Uint8Array) => void): Promise<boolean> => {
    const limit = budget.step();
    if (limit !== null) {
      reader.stopped = { reason: `limit:${limit}`, limit };
      return false;
    }
    const streamed = await archive.stream(name, take);
    if (!streamed.ok) {
      reader.stopped = streamed.limit === undefined ? { reason: streamed.reason } : { reason: streamed.reason, limit: streamed.limit };
      return false;
    }
    return true;
  };
  const reader: PartReader = {
    parts: [],
    stopped: undefined,
    async xml(name) {
      const limit = budget.step();
      if (limit !== null) {
        reader.stopped = { reason: `limit:${limit}`, limit };
        return null;
      }
      const read = await archive.read(name);
      if (!read.ok) {
        reader.stopped = read.limit === undefined ? { reason: read.reason } : { reason: read.reason, limit: read.limit };
        return null;
      }
      // Office writes its XML parts in UTF-8.
      return utf8Text(read.bytes);
    },
    async scan(name, handler) {
      const pieces = utf8Pieces();
      if (pieces === null) {
        const xml = await reader.xml(name);
        if (xml !== null) scanXml(xml, handler);
        return xml !== null;
      }
      const scanner = new XmlStreamScanner(handler);
      if (!(await streamPart(name, (chunk) => scanner.push(pieces.decode(chunk))))) return false;
      scanner.push(pieces.end());
      scanner.end();
      return true;
    },
    async scanBytes(name, handler) {
      const scanner = new XmlByteStreamScanner(handler);
      // Each chunk is scanned a microtask later, once the inflater has asked for the next one, so a native
      // inflater working off the thread (node:zlib's pool) inflates while the chunk before is scanned.
      let scanned = Promise.resolve();
      const streamed = await streamPart(name, (chunk) => {
        scanned = scanned.then(() => scanner.push(chunk));
      });
      await scanned;
      if (!streamed) return false;
      scanner.end();
      return true;
    },
    add(where, text, stream) {
      if (stream !== undefined) reader.parts.push({ where, text: '', streamed: stream.id });
      else if (text !== '') reader.parts.push({ where, text });
    },
  };
  return reader;
}

function numberInName(name: string): number {
  const match = /(\d+)\.xml$/.exec(name);
  return match === null ? 0 : Number(match[1]);
}

function membersMatching(archive: OpenArchive, pattern: RegExp): string[] {
  return archive.members
    .map((member) => member.name)
    .filter((name) => pattern.test(name))
    .sort((left, right) => numberInName(left) - numberInName(right) || (left < right ? -1 : 1));
}

/** Reads each part in order with `scan`; stops at the first limit. Returns false when stopped. */
async function readEachBy<Handler>(
  scan: (name: string, handler: Handler) => Promise<boolean>,
  reader: PartReader,
  names: readonly string[],
  where: (name: string) => string,
  collector: (name: string) => { readonly handler: Handler; result(): string; readonly stream?: TextStream },
): Promise<boolean> {
  for (const name of names) {
    const collecting = collector(name);
    if (!(await scan(name, collecting.handler))) return false;
    reader.add(where(name), collecting.result(), collecting.stream);
  }
  return true;
}

function readEach(
  reader: PartReader,
  names: readonly string[],
  where: (name: string) => string,
  collector: () => XmlCollector<string>,
): Promise<boolean> {
  return readEachBy((name, handler: XmlHandler) => reader.scan(name, handler), reader, names, where, collector);
}

function texts(options: TextCollectorOptions): () => XmlCollector<string> {
  return () => textCollector(options);
}

function outcome(reader: PartReader): PartsOutcome {
  return reader.stopped === undefined ? { parts: reader.parts } : { parts: reader.parts, stop: reader.stopped };
}

async function readProperties(archive: OpenArchive, reader: PartReader): Promise<boolean> {
  const present = PROPERTY_PARTS.filter((name) => archive.has(name));
  return readEach(reader, present, () => 'properties', texts(PROPERTY_TEXT));
}

async function readWord(archive: OpenArchive, budget: ExtractionBudget): Promise<PartsOutcome> {
  const reader = partReader(archive, budget);
  const word = texts(WORD_TEXT);
  const groups: readonly [RegExp, string][] = [
    [/^word\/document\.xml$/, 'body'],
    [/^word\/header\d*\.xml$/, 'header'],
    [/^word\/footer\d*\.xml$/, 'footer'],
    [/^word\/footnotes\.xml$/, 'footnote'],
    [/^word\/endnotes\.xml$/, 'endnote'],
    [/^word\/comments\.xml$/, 'comment'],
  ];
  for (const [pattern, where] of groups) {
    if (!(await readEach(reader, membersMatching(archive, pattern), () => where, word))) return outcome(reader);
  }
  await readProperties(archive, reader);
  return outcome(reader);
}

async function readPresentation(archive: OpenArchive, budget: ExtractionBudget): Promise<PartsOutcome> {
  const reader = partReader(archive, budget);
  const drawing = texts(DRAWING_TEXT);
  const groups: readonly [RegExp, (name: string) => string, () => XmlCollector<string>][] = [
    [/^ppt\/slides\/slide\d+\.xml$/, (name) => `slide:${numberInName(name)}`, drawing],
    [/^ppt\/notesSlides\/notesSlide\d+\.xml$/, (name) => `notes:${numberInName(name)}`, drawing],
    [/^ppt\/comments\/[^/]+\.xml$/, () => 'comment', texts(CELL_COMMENT_TEXT)],
  ];
  for (const [pattern, where, collector] of groups) {
    if (!(await readEach(reader, membersMatching(archive, pattern), where, collector))) return outcome(reader);
  }
  await readProperties(archive, reader);
  return outcome(reader);
}

interface SheetEntry {
  readonly name: string;
  readonly part: string | undefined;
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = base.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

function workbookSheets(workbook: string, relationships: string): SheetEntry[] {
  const targets = new Map<string, string>();
  scanXml(relationships, {
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const id = attributeValue(attributes, 'Id');
      const target = attributeValue(attributes, 'Target');
      if (id !== undefined && target !== undefined) targets.set(id, resolveTarget('xl/workbook.xml', target));
    },
  });
  const sheets: SheetEntry[] = [];
  scanXml(workbook, {
    open(name, attributes) {
      if (name !== 'sheet') return;
      const id = attributeValue(attributes, 'r:id');
      sheets.push({ name: attributeValue(attributes, 'name') ?? '', part: id === undefined ? undefined : targets.get(id) });
    },
  });
  return sheets;
}

/**
 * The sheets' text after the shared strings. From bytes where the runtime can decode them (the pane, the
 * CLI); the string path is kept for a runtime without TextDecoder and as the reference in the tests.
 */
async function readSheets(
  archive: OpenArchive,
  budget: ExtractionBudget,
  reader: PartReader,
  sheets: readonly string[],
  where: (name: string) => string,
  textStream: ExtractionReaders['textStream'],
): Promise<boolean> {
  const hasStrings = archive.has('xl/sharedStrings.xml');
  const codec = utf8Codec();
  if (codec === null) {
    const strings = sharedStrings();
    if (hasStrings && !(await reader.scan('xl/sharedStrings.xml', strings.handler))) return false;
    return readEach(reader, sheets, where, () => sheetText(strings.result()));
  }
  const strings = sharedStringBytes(codec);
  if (hasStrings && !(await reader.scanBytes('xl/sharedStrings.xml', strings.handler))) return false;
  const scanBytes = (name: string, handler: XmlByteHandler): Promise<boolean> => reader.scanBytes(name, handler);
  const sizes = new Map(archive.members.map((member) => [member.name, member.uncompressedSize]));
  // Half the declared size, within the entry limit: a declared size may lie, and the buffer still grows.
  const expected = (name: string): number => Math.min(sizes.get(name) ?? 0, budget.limits.maxEntryBytes) / 2;
  return readEachBy(scanBytes, reader, sheets, where, (name) => {
    const stream = textStream?.(expected(name)) ?? undefined;
    return sheetTextBytes(strings.result(), codec, expected(name), stream);
  });
}

async function readWorkbook(
  archive: OpenArchive,
  budget: ExtractionBudget,
  textStream: ExtractionReaders['textStream'],
): Promise<PartsOutcome> {
  const reader = partReader(archive, budget);
  const workbook = await reader.xml('xl/workbook.xml');
  if (workbook === null) return outcome(reader);
  const relationships = archive.has('xl/_rels/workbook.xml.rels') ? await reader.xml('xl/_rels/workbook.xml.rels') : '';
  if (relationships === null) return outcome(reader);
  const sheets = workbookSheets(workbook, relationships);
  reader.add('sheet-names', tidy(sheets.map((sheet) => sheet.name).join('\n')));
  const named = new Map<string, string>();
  for (const sheet of sheets) {
    if (sheet.part !== undefined && archive.has(sheet.part)) named.set(sheet.part, sheet.name);
  }
  const worksheetParts = membersMatching(archive, /^xl\/worksheets\/[^/]+\.xml$/);
  const ordered = [...named.keys(), ...worksheetParts.filter((part) => !named.has(part))];
  const sheetWhere = (part: string): string => `sheet:${named.get(part) ?? part.slice(part.lastIndexOf('/') + 1)}`;
  if (!(await readSheets(archive, budget, reader, ordered, sheetWhere, textStream))) return outcome(reader);
  const commentParts = membersMatching(archive, /^xl\/(comments\d*|threadedComments\/[^/]+)\.xml$/);
  if (!(await readEach(reader, commentParts, () => 'comment', texts(CELL_COMMENT_TEXT)))) return outcome(reader);
  await readProperties(archive, reader);
  return outcome(reader);
}

export function readOffice(
  kind: OfficeKind,
  archive: OpenArchive,
  budget: ExtractionBudget,
  textStream?: ExtractionReaders['textStream'],
): Promise<PartsOutcome> {
  if (kind === 'docx') return readWord(archive, budget);
  if (kind === 'xlsx') return readWorkbook(archive, budget, textStream);
  return readPresentation(archive, budget);
}
