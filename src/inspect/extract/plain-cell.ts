// The shapes nearly every cell of a sheet takes, as Excel and the common libraries write them, found in
// the bytes without the tokenizer's events (sheet-bytes.ts reads them whole): `<c …/>`, `<c …><v>…</v></c>`
// and `<c …><is><t …>…</t></is></c>`. Tags are told apart as xml-bytes.ts tells them apart: a name ends at
// a blank, `/` or `>`, and a tag at its first `>`.
import { indexOfByte, isBlank, startsWith } from './xml-bytes.js';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const VALUE_OPEN = [LT, 0x76, GT];
const INLINE_OPEN = [LT, 0x69, 0x73, GT, LT, 0x74];
/** `</v></c>` */
const VALUE_CLOSE = [LT, SLASH, 0x76, GT, LT, SLASH, 0x63, GT];
/** `</t></is></c>` */
const INLINE_CLOSE = [LT, SLASH, 0x74, GT, LT, SLASH, 0x69, 0x73, GT, LT, SLASH, 0x63, GT];

/** Where a plain cell's parts lie; the attributes start right after `<c`. Reused from cell to cell. */
export interface PlainCell {
  attributesEnd: number;
  /** The text is an inline string's (`<is><t>`), not a value's (`<v>`). */
  inline: boolean;
  textStart: number;
  textEnd: number;
  /** Just past the cell. */
  after: number;
}

export function emptyPlainCell(): PlainCell {
  return { attributesEnd: 0, inline: false, textStart: 0, textEnd: 0, after: 0 };
}

function endsName(code: number | undefined): boolean {
  return code === GT || code === SLASH || isBlank(code);
}

/** Whether a plain cell starts at `lt` (a `<`) and ends in `xml`; if so, `cell` says where its parts are. */
export function readPlainCell(xml: Uint8Array, lt: number, cell: PlainCell): boolean {
  if (xml[lt + 1] !== 0x63 || !endsName(xml[lt + 2])) return false;
  const gt = indexOfByte(xml, GT, lt + 2);
  if (gt < 0) return false;
  if (xml[gt - 1] === SLASH) {
    cell.attributesEnd = gt - 1;
    cell.inline = false;
    cell.textStart = cell.textEnd = cell.after = gt + 1;
    return true;
  }
  cell.attributesEnd = gt;
  const content = gt + 1;
  let close: readonly number[];
  if (startsWith(xml, content, VALUE_OPEN)) {
    cell.inline = false;
    cell.textStart = content + VALUE_OPEN.length;
    close = VALUE_CLOSE;
  } else if (startsWith(xml, content, INLINE_OPEN)) {
    const afterName = xml[content + INLINE_OPEN.length];
    if (afterName === SLASH || !endsName(afterName)) return false;
    const textTagEnd = indexOfByte(xml, GT, content + INLINE_OPEN.length);
    if (textTagEnd < 0 || xml[textTagEnd - 1] === SLASH) return false;
    cell.inline = true;
    cell.textStart = textTagEnd + 1;
    close = INLINE_CLOSE;
  } else return false;
  const textEnd = indexOfByte(xml, LT, cell.textStart);
  if (textEnd < 0 || !startsWith(xml, textEnd, close)) return false;
  cell.textEnd = textEnd;
  cell.after = textEnd + close.length;
  return true;
}
