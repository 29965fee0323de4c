// A workbook's shared strings and sheet text read from the sheet XML's bytes (xml-bytes.ts): the same
// text as sharedStrings and sheetText in ooxml.ts build from strings (the string path, kept where
// TextDecoder is missing), but each cell's text is copied as bytes into one buffer and the sheet is
// decoded once, so a sheet of 480,000 rows makes no string per tag or cell (docs/benchmarks.md,
// "Workbook inspection").
import { emptyPlainCell, readPlainCell } from './plain-cell.js';
import { numberText } from './sheet-text.js';
import { isPlainText, Utf8Output, type Utf8Codec } from './utf8-output.js';
import { attributeRange, isName, type XmlByteHandler } from './xml-bytes.js';
import { decodeEntities } from './markup.js';
import type { TextStream } from './types.js';

/** A streamed sheet's text goes out in pieces of about this many UTF-8 bytes, each ending with a row. */
export const STREAM_PIECE_BYTES = 1024 * 1024;

/** The shared strings as UTF-8 in one buffer, the i-th from starts[i] to ends[i]. */
export interface SharedStringBytes {
  readonly bytes: Uint8Array;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

export interface ByteCollector<T> {
  readonly handler: XmlByteHandler;
  result(): T;
}

export function sharedStringBytes(codec: Utf8Codec): ByteCollector<SharedStringBytes> {
  const output = new Utf8Output(codec);
  const starts: number[] = [];
  const ends: number[] = [];
  let current: number | null = null;
  let inText = 0;
  let inPhonetic = 0;
  const handler: XmlByteHandler = {
    open(xml, start, end, _attributesStart, _attributesEnd, selfClosing) {
      if (selfClosing) return;
      if (isName(xml, start, end, 'si')) current = output.length;
      else if (isName(xml, start, end, 'rPh')) inPhonetic += 1;
      else if (isName(xml, start, end, 't')) inText += 1;
    },
    close(xml, start, end) {
      if (isName(xml, start, end, 'si')) {
        starts.push(current ?? output.length);
        ends.push(output.length);
        current = null;
      } else if (isName(xml, start, end, 'rPh')) inPhonetic = Math.max(0, inPhonetic - 1);
      else if (isName(xml, start, end, 't')) inText = Math.max(0, inText - 1);
    },
    text(xml, start, end, cdata) {
      if (current !== null && inText > 0 && inPhonetic === 0) output.appendText(xml, start, end, cdata);
    },
  };
  return { handler, result: () => ({ bytes: output.buffer(), starts, ends }) };
}

type CellType = 'shared' | 'inline' | 'formula-string' | 'none' | 'number';

const CELL_TYPES = new Map<string, CellType>([
  ['s', 'shared'],
  ['inlineStr', 'inline'],
  ['str', 'formula-string'],
  ['b', 'none'],
  ['e', 'none'],
]);

function cellType(xml: Uint8Array, attributesStart: number, attributesEnd: number, codec: Utf8Codec): CellType {
  const range = attributeRange(xml, attributesStart, attributesEnd, 't');
  if (range === null) return 'number';
  const [start, end] = range;
  if (isName(xml, start, end, 's')) return 'shared';
  if (isName(xml, start, end, 'inlineStr')) return 'inline';
  const written = codec.decoder.decode(xml.subarray(start, end));
  return CELL_TYPES.get(decodeEntities(written)) ?? 'number';
}

/** A shared-string index of plain digits, read without a string; -1 when it needs Number.parseInt. */
function plainIndex(bytes: Uint8Array, start: number, end: number): number {
  if (end === start || end - start > 9) return -1;
  let index = 0;
  for (let at = start; at < end; at += 1) {
    const digit = (bytes[at] ?? 0) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    index = index * 10 + digit;
  }
  return index;
}

/** ASCII without blanks or an exponent: numberText leaves it as it is. */
function isPlainNumber(bytes: Uint8Array, start: number, end: number): boolean {
  for (let at = start; at < end; at += 1) {
    const code = bytes[at] ?? 0;
    if (code <= 0x20 || code >= 0x7f || code === 0x45 || code === 0x65) return false;
  }
  return true;
}

/** The elements the sheet's text depends on, as small numbers so a tag is classified once. */
const Tag = { Other: 0, Cell: 1, Value: 2, Inline: 3, Text: 4, Phonetic: 5, Row: 6 } as const;
type Tag = (typeof Tag)[keyof typeof Tag];

/** The sheet's element a local name is, read from its bytes without a string. */
function tagOf(xml: Uint8Array, start: number, end: number): Tag {
  const first = xml[start];
  switch (end - start) {
    case 1:
      return first === 0x63 ? Tag.Cell : first === 0x76 ? Tag.Value : first === 0x74 ? Tag.Text : Tag.Other;
    case 2:
      return first === 0x69 && xml[start + 1] === 0x73 ? Tag.Inline : Tag.Other;
    case 3:
      if (isName(xml, start, end, 'row')) return Tag.Row;
      return isName(xml, start, end, 'rPh') ? Tag.Phonetic : Tag.Other;
    default:
      return Tag.Other;
  }
}

/**
 * Rows joined by newlines, a row's non-empty cells by tabs, as sheetText in sheet-text.ts. `expectedBytes`
 * sizes the buffer so a large sheet's text is not copied again as it grows: a generated sheet's text
 * was about 45% of its XML (docs/benchmarks.md, "Workbook inspection").
 */
export function sheetTextBytes(
  strings: SharedStringBytes,
  codec: Utf8Codec,
  expectedBytes = 0,
  stream?: TextStream,
): ByteCollector<string> & { readonly stream?: TextStream } {
  const capacity = stream === undefined ? expectedBytes : Math.min(expectedBytes, STREAM_PIECE_BYTES + STREAM_PIECE_BYTES / 4);
  const output = new Utf8Output(codec, Math.max(capacity, 64 * 1024));
  const value = new Utf8Output(codec, 256);
  const inline = new Utf8Output(codec, 256);
  let type: CellType = 'number';
  let inValue = 0;
  let inInline = 0;
  let inText = 0;
  let inPhonetic = 0;
  let rows = 0;
  let rowCells = 0;
  const cell = emptyPlainCell();
  const beginCell = (): void => {
    if (rowCells === 0) {
      // A piece ends with a row; the next starts with the newline that joins them.
      if (stream !== undefined && output.length >= STREAM_PIECE_BYTES) {
        stream.write(output.text());
        output.clear();
      }
      if (rows > 0) output.appendByte(0x0a);
      rows += 1;
    } else output.appendByte(0x09);
    rowCells += 1;
  };
  const decoded = (bytes: Uint8Array, start: number, end: number): string => codec.decoder.decode(bytes.subarray(start, end));
  const sharedCell = (bytes: Uint8Array, start: number, end: number): void => {
    let index = plainIndex(bytes, start, end);
    if (index < 0) {
      const parsed = Number.parseInt(decoded(bytes, start, end), 10);
      // strings[-0] is strings[0] in the string path.
      index = parsed === 0 ? 0 : Number.isInteger(parsed) && parsed > 0 ? parsed : -1;
    }
    const stringStart = strings.starts[index];
    const stringEnd = strings.ends[index];
    if (stringStart === undefined || stringEnd === undefined || stringEnd === stringStart) return;
    beginCell();
    output.appendChecked(strings.bytes, stringStart, stringEnd);
  };
  /** Ends a cell whose text (the inline string's for an inline cell, else the value's) is `bytes` from `start` to `end`. */
  const endCellWith = (bytes: Uint8Array, start: number, end: number): void => {
    if (type === 'shared') sharedCell(bytes, start, end);
    else if (type === 'inline' || type === 'formula-string') {
      if (end === start) return;
      beginCell();
      output.appendChecked(bytes, start, end);
    } else if (type === 'number' && end > start) {
      if (isPlainNumber(bytes, start, end)) {
        beginCell();
        output.appendChecked(bytes, start, end);
        return;
      }
      const text = numberText(decoded(bytes, start, end));
      if (text === '') return;
      beginCell();
      output.appendString(text);
    }
  };
  const endCell = (): void => {
    const source = type === 'inline' ? inline : value;
    endCellWith(source.buffer(), 0, source.length);
  };
  // As in sheet-text.ts, only an open cell's end tag ends a cell.
  let openCells = 0;
  const openCell = (xml: Uint8Array, attributesStart: number, attributesEnd: number): void => {
    type = cellType(xml, attributesStart, attributesEnd, codec);
    value.clear();
    inline.clear();
  };
  const handler: XmlByteHandler = {
    open(xml, start, end, attributesStart, attributesEnd, selfClosing) {
      const tag = tagOf(xml, start, end);
      if (tag === Tag.Cell) {
        openCell(xml, attributesStart, attributesEnd);
        openCells += 1;
      }
      if (selfClosing) return;
      if (tag === Tag.Value) inValue += 1;
      else if (tag === Tag.Inline) inInline += 1;
      else if (tag === Tag.Text) inText += 1;
      else if (tag === Tag.Phonetic) inPhonetic += 1;
    },
    close(xml, start, end) {
      const tag = tagOf(xml, start, end);
      if (tag === Tag.Value) inValue = Math.max(0, inValue - 1);
      else if (tag === Tag.Inline) inInline = Math.max(0, inInline - 1);
      else if (tag === Tag.Text) inText = Math.max(0, inText - 1);
      else if (tag === Tag.Phonetic) inPhonetic = Math.max(0, inPhonetic - 1);
      else if (tag === Tag.Cell && openCells > 0) {
        openCells -= 1;
        endCell();
      } else if (tag === Tag.Row) rowCells = 0;
    },
    text(xml, start, end, cdata) {
      if (inValue > 0) value.appendText(xml, start, end, cdata);
      else if (inInline > 0 && inText > 0 && inPhonetic === 0) inline.appendText(xml, start, end, cdata);
    },
    element(xml, lt) {
      // Outside a cell, what a plain cell would leave in the buffers is never read: the next cell clears
      // them before its end tag can. So a plain cell's text that needs no decoding (no reference, whole
      // characters) goes straight from the XML to the text. An inline string's text counts only outside a
      // value and furigana, as text() decides.
      if (openCells > 0 || !readPlainCell(xml, lt, cell) || (cell.inline && (inValue > 0 || inPhonetic > 0))) return -1;
      type = cellType(xml, lt + 2, cell.attributesEnd, codec);
      // The cell's text is only read from the buffer its type reads.
      if (cell.inline !== (type === 'inline')) return cell.after;
      const { textStart, textEnd } = cell;
      if (isPlainText(xml, textStart, textEnd)) {
        endCellWith(xml, textStart, textEnd);
        return cell.after;
      }
      const source = cell.inline ? inline : value;
      source.clear();
      source.appendText(xml, textStart, textEnd, false);
      endCellWith(source.buffer(), 0, source.length);
      return cell.after;
    },
  };
  if (stream === undefined) return { handler, result: () => output.text() };
  const result = (): string => {
    stream.write(output.text());
    output.clear();
    return '';
  };
  return { handler, result, stream };
}
