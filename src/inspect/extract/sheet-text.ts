// A workbook's shared strings and sheet text from the XML as strings: the path where the runtime has no
// TextDecoder, and the reference sheet-bytes.ts must match (docs/inspection.md, "Extraction").
import { attributeValue, type XmlCollector, type XmlHandler } from './xml-scan.js';

export function sharedStrings(): XmlCollector<string[]> {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = 0;
  let inPhonetic = 0;
  const handler: XmlHandler = {
    open(name, _attributes, selfClosing) {
      if (selfClosing) return;
      if (name === 'si') current = [];
      else if (name === 'rPh') inPhonetic += 1;
      else if (name === 't') inText += 1;
    },
    close(name) {
      if (name === 'si') {
        strings.push((current ?? []).join(''));
        current = null;
      } else if (name === 'rPh') inPhonetic = Math.max(0, inPhonetic - 1);
      else if (name === 't') inText = Math.max(0, inText - 1);
    },
    text(text) {
      if (current !== null && inText > 0 && inPhonetic === 0) current.push(text);
    },
  };
  return { handler, result: () => strings };
}

/** A number cell as a person would read it: `1.23456789018E+11` is the My Number 123456789018. */
export function numberText(raw: string): string {
  const trimmed = raw.trim();
  if (!trimmed.includes('E') && !trimmed.includes('e')) return trimmed;
  const value = Number(trimmed);
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : trimmed;
}

export function sheetText(strings: readonly string[]): XmlCollector<string> {
  const rows: string[] = [];
  let cells: string[] = [];
  let cellType: string | undefined;
  let value = '';
  let inline = '';
  let inValue = 0;
  let inInline = 0;
  let inText = 0;
  let inPhonetic = 0;
  // A cell's text is taken at its end tag only when a cell is open: a stray </c> does not repeat the cell
  // before it, which lets sheet-bytes.ts write a plain cell straight to the text.
  let openCells = 0;
  const handler: XmlHandler = {
    open(name, attributes, selfClosing) {
      if (name === 'c') {
        cellType = attributeValue(attributes, 't');
        value = '';
        inline = '';
        openCells += 1;
      }
      if (selfClosing) return;
      if (name === 'v') inValue += 1;
      else if (name === 'is') inInline += 1;
      else if (name === 't') inText += 1;
      else if (name === 'rPh') inPhonetic += 1;
    },
    close(name) {
      if (name === 'v') inValue = Math.max(0, inValue - 1);
      else if (name === 'is') inInline = Math.max(0, inInline - 1);
      else if (name === 't') inText = Math.max(0, inText - 1);
      else if (name === 'rPh') inPhonetic = Math.max(0, inPhonetic - 1);
      else if (name === 'c' && openCells > 0) {
        openCells -= 1;
        const raw = value;
        const text =
          cellType === 's'
            ? (strings[Number.parseInt(raw, 10)] ?? '')
            : cellType === 'inlineStr'
              ? inline
              : cellType === 'str'
                ? raw
                : cellType === 'b' || cellType === 'e'
                  ? ''
                  : numberText(raw);
        if (text !== '') cells.push(text);
      } else if (name === 'row') {
        if (cells.length > 0) rows.push(cells.join('\t'));
        cells = [];
      }
    },
    text(text) {
      if (inValue > 0) value += text;
      else if (inInline > 0 && inText > 0 && inPhonetic === 0) inline += text;
    },
  };
  const result = (): string => {
    if (cells.length > 0) rows.push(cells.join('\t'));
    cells = [];
    return rows.join('\n');
  };
  return { handler, result };
}
