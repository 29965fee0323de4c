import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedStringBytes, sheetTextBytes } from '../../../src/inspect/extract/sheet-bytes.js';
import { sharedStrings, sheetText } from '../../../src/inspect/extract/sheet-text.js';
import { utf8Codec } from '../../../src/inspect/extract/utf8-output.js';
import { XmlByteStreamScanner } from '../../../src/inspect/extract/xml-bytes.js';
import { scanXml } from '../../../src/inspect/extract/xml-scan.js';

const codec = utf8Codec()!;
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: readonly Uint8Array[]): Uint8Array => {
  const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((at, part) => (whole.set(part, at), at + part.length), 0);
  return whole;
};

/** The string path as ooxml.ts runs it where there is no TextDecoder: the whole part decoded, then scanned. */
function viaStrings(strings: Uint8Array, sheet: Uint8Array): string {
  const shared = sharedStrings();
  scanXml(new TextDecoder().decode(strings), shared.handler);
  const text = sheetText(shared.result());
  scanXml(new TextDecoder().decode(sheet), text.handler);
  return text.result();
}

/** The byte path, each part pushed in the pieces `cuts` makes. */
function viaBytes(strings: Uint8Array, sheet: Uint8Array, cuts: readonly number[] = []): string {
  const push = (bytes: Uint8Array, scanner: XmlByteStreamScanner): void => {
    const sorted = [0, ...cuts.filter((cut) => cut > 0 && cut < bytes.length).sort((left, right) => left - right), bytes.length];
    for (let index = 1; index < sorted.length; index += 1) scanner.push(bytes.slice(sorted[index - 1], sorted[index]));
    scanner.end();
  };
  const shared = sharedStringBytes(codec);
  push(strings, new XmlByteStreamScanner(shared.handler));
  const text = sheetTextBytes(shared.result(), codec);
  push(sheet, new XmlByteStreamScanner(text.handler));
  return text.result();
}

const STRINGS =
  '<sst><si><t>氏名</t></si><si><r><t>山田</t></r><r><t>太郎</t></r><rPh><t>ヤマダ</t></rPh></si><si/>' +
  '<si><t>A&amp;B&#x592A;</t></si><si><t><![CDATA[<raw>&amp;]]></t></si><si><t>\uFEFF先頭</t></si></sst>';

describe('sheetTextBytes', () => {
  it.each([
    ['shared strings, furigana left out', '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>', '氏名\t山田太郎'],
    ['an empty shared string leaves no cell', '<row><c t="s"><v>2</v></c><c t="s"><v>0</v></c></row>', '氏名'],
    [
      'indices as parseInt reads them',
      '<row><c t="s"><v> 3x</v></c><c t="s"><v>-0</v></c><c t="s"><v>-1</v></c><c t="s"><v>99</v></c></row>',
      'A&B太\t氏名',
    ],
    ['a type written with a reference', '<row><c t="&#115;"><v>5</v></c></row>', '\uFEFF先頭'],
    ['CDATA taken literally', '<row><c t="s"><v>4</v></c><c t="str"><v><![CDATA[&amp;]]></v></c></row>', '<raw>&amp;\t&amp;'],
    [
      'numbers as a person reads them',
      '<row><c><v>1.23456789018E+11</v></c><c><v> 12 </v></c><c><v>1e400</v></c><c t="b"><v>1</v></c></row>',
      '123456789018\t12\t1e400',
    ],
    [
      'inline strings without furigana',
      '<row><c t="inlineStr"><is><t>個人</t><rPh><t>コ</t></rPh><t>番号</t></is></c><c/></row><row/><row><c><v>7</v></c></row>',
      '個人番号\n7',
    ],
    ['a stray end tag does not repeat the cell before it', '<row><c t="s"><v>0</v></c></c><c><v>7</v></c></row>', '氏名\t7'],
    ['broken UTF-8 split by a comment', null, null],
  ])('%s', (_label, rows, expected) => {
    const sheet =
      rows === null
        ? concat(
            encode('<sheetData><row><c t="str"><v>a'),
            Uint8Array.of(0xe3, 0x81),
            encode('<!-- -->'),
            Uint8Array.of(0x82),
            encode('b</v></c></row></sheetData>'),
          )
        : encode(`<worksheet><sheetData>${rows}</sheetData></worksheet>`);
    const text = viaBytes(encode(STRINGS), sheet);
    expect(text).toBe(viaStrings(encode(STRINGS), sheet));
    if (expected !== null) expect(text).toBe(expected);
  });

  const CELLS = [
    '<c t="s"><v>0</v></c>',
    '<c t="s"><v>3</v></c>',
    '<c r="B2" s="1" t="s"><v>1</v></c>',
    '<c t="inlineStr"><is><t>東京都千代田区丸の内１－２－３</t></is></c>',
    '<c t="inlineStr"><is><t xml:space="preserve"> a&lt;b </t></is></c>',
    '<c><v>123456789018</v></c>',
    '<c><v>-4.5E-3</v></c>',
    '<c t="str"><f>A1</f><v>式</v></c>',
    '<c t="e"><v>#N/A</v></c>',
    '<c r="C1"/>',
    '<x:c t="s"><x:v>5</x:v></x:c>',
    // Shapes the cell fast path (plain-cell.ts) takes or leaves to the events, and stray tags around them.
    '<c\nt="s"><v>1</v></c>',
    '<c t="inlineStr"><v>5</v></c>',
    '<c t="s"><is><t>1</t></is></c>',
    '<c t="str"><v>a&amp;b</v></c>',
    '<c t="str"><v></v></c>',
    '<c t="inlineStr"><is><t/></is></c>',
    '<c t="inlineStr"><is><t/>x</t></is></c>',
    '<c t="inlineStr"><is><t a="1"/>x</t></is></c>',
    '<c t="inlineStr"><is><t>a</t><t>b</t></is></c>',
    '<c t="inlineStr"><is><t>x</t><rPh><t>y</t></rPh></is></c>',
    '<c><v>1<!-- x -->2</v></c>',
    '<c><v>3</v><f>A1</f></c>',
    '<c/ t="s">',
    '<cx><v>9</v></cx>',
    '</c>',
    '<v>',
    '</v>',
    '<rPh>',
    '</rPh>',
    '<is><t>',
  ];
  const ROW = fc.array(fc.constantFrom(...CELLS), { maxLength: 6 }).map((cells) => `<row>${cells.join('')}</row>`);

  it("gives the string path's text for any sheet, however its bytes arrive", () => {
    fc.assert(
      fc.property(fc.array(ROW, { maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 2000 }), { maxLength: 10 }), (rows, cuts) => {
        const sheet = encode(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`);
        expect(viaBytes(encode(STRINGS), sheet, cuts)).toBe(viaStrings(encode(STRINGS), sheet));
      }),
    );
  });
});

describe('a streamed sheet', () => {
  it('hands its text over in pieces that end with a row and join to the text it would hold', async () => {
    const { extractText } = await import('../../../src/inspect/extract/extract-text.js');
    const { STREAM_PIECE_BYTES } = await import('../../../src/inspect/extract/sheet-bytes.js');
    const { customerWorkbook, zipOf } = await import('./fixtures.js');
    const bytes = await zipOf(customerWorkbook(12_000));
    const whole = await extractText('顧客.xlsx', bytes);
    const pieces: string[] = [];
    const expected: number[] = [];
    const streamed = await extractText(
      '顧客.xlsx',
      bytes,
      {},
      {
        // The second sheet is small: it is kept whole.
        textStream: (expectedBytes) => {
          expected.push(expectedBytes);
          return expectedBytes < STREAM_PIECE_BYTES ? null : { id: 7, write: (piece) => pieces.push(piece) };
        },
      },
    );
    if (whole.status !== 'ok' || streamed.status !== 'ok') throw new Error('the workbook was not read');
    const sheet = whole.parts.find((part) => part.where.startsWith('sheet:'));
    expect(streamed.parts.find((part) => part.where === sheet?.where)).toEqual({ where: sheet?.where, text: '', streamed: 7 });
    expect(pieces.join('')).toBe(sheet?.text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces.slice(1)) expect(piece.startsWith('\n')).toBe(true);
    for (const piece of pieces.slice(0, -1)) expect(encode(piece).length).toBeLessThan(STREAM_PIECE_BYTES + 1024);
    expect(expected).toHaveLength(2);
    expect(streamed.parts.filter((part) => part.where !== sheet?.where)).toEqual(whole.parts.filter((part) => part !== sheet));
  });
});
