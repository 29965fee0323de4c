// Builders for the files the extraction tests read: every fixture is made here, from minimal XML.
import Encoding from 'encoding-japanese';
import JSZip from 'jszip';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function encodeJapanese(text: string, to: 'SJIS' | 'EUCJP' | 'JIS'): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE', type: 'array' }));
}

export async function zipOf(
  files: Readonly<Record<string, string | Uint8Array>>,
  compression: 'STORE' | 'DEFLATE' = 'DEFLATE',
): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export function docxFiles(): Record<string, string> {
  return {
    '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>
      <w:p><w:r><w:t>お客様 </w:t></w:r><w:r><w:ruby><w:rt><w:r><w:t>やまだ</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>山田</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t xml:space="preserve">太郎 様</w:t></w:r></w:p>
      <w:p><w:r><w:t>マイナンバー</w:t><w:tab/><w:t>1234 5678 9018</w:t></w:r></w:p>
      <w:p><w:r><w:instrText>HYPERLINK "x"</w:instrText><w:t>A &amp; B &lt;C&gt;</w:t></w:r></w:p>
    </w:body></w:document>`,
    'word/header1.xml': `<w:hdr ${W}><w:p><w:r><w:t>社外秘ヘッダー</w:t></w:r></w:p></w:hdr>`,
    'word/footer1.xml': `<w:ftr ${W}><w:p><w:r><w:t>フッター taro@example.co.jp</w:t></w:r></w:p></w:ftr>`,
    'word/footnotes.xml': `<w:footnotes ${W}><w:footnote><w:p><w:r><w:t>脚注の本文</w:t></w:r></w:p></w:footnote></w:footnotes>`,
    'word/comments.xml': `<w:comments ${W}><w:comment w:author="x"><w:p><w:r><w:t>コメント 090-1234-5678</w:t></w:r></w:p></w:comment></w:comments>`,
    'docProps/core.xml':
      '<cp:coreProperties xmlns:cp="c" xmlns:dc="d"><dc:creator>山田 太郎</dc:creator><cp:lastModifiedBy>佐藤</cp:lastModifiedBy></cp:coreProperties>',
    'word/media/image1.png': 'not read',
  };
}

export function xlsxFiles(): Record<string, string> {
  return {
    '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
    'xl/workbook.xml':
      '<workbook xmlns:r="r"><sheets><sheet name="顧客一覧" sheetId="1" r:id="rId1"/><sheet name="Second" sheetId="2" r:id="rId2"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
    'xl/sharedStrings.xml':
      '<sst><si><t>氏名</t></si><si><r><t>山田</t></r><r><t>太郎</t></r><rPh sb="0" eb="2"><t>ヤマダタロウ</t></rPh><phoneticPr fontId="1"/></si><si><t>マイナンバー</t></si></sst>',
    'xl/worksheets/sheet1.xml': `<worksheet><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c></row>
      <row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>123456789018</v></c><c r="C2" t="inlineStr"><is><t>インライン文字列</t><rPh><t>インライン</t></rPh></is></c></row>
      <row r="3"><c r="A3"><v>1.23456789018E+11</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="str"><f>A1&amp;"x"</f><v>式の結果</v></c></row>
    </sheetData></worksheet>`,
    'xl/worksheets/sheet2.xml':
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>二枚目</t></is></c></row></sheetData></worksheet>',
    'xl/comments1.xml':
      '<comments><commentList><comment ref="A1"><text><r><t>セルのコメント</t></r></text></comment></commentList></comments>',
  };
}

/** A sheet of customers with an address, shared and inline strings, and now and then a My Number after its label. */
export function customerWorkbook(rows: number): Record<string, string> {
  const files = xlsxFiles();
  const lines: string[] = [];
  for (let row = 1; row <= rows; row += 1) {
    const myNumber = row % 7 === 0 ? '<c t="s"><v>2</v></c><c><v>123456789018</v></c>' : '';
    lines.push(
      `<row r="${row}"><c t="s"><v>${row % 2}</v></c><c t="inlineStr"><is><t>顧客${String(row).padStart(6, '0')} 東京都千代田区丸の内１－２－${row}</t></is></c>` +
        `<c><v>${(row * 7919) % 100000000}</v></c><c><v>0${row % 9}0-1234-${String(row).padStart(4, '0')}</v></c>${myNumber}</row>`,
    );
  }
  files['xl/worksheets/sheet1.xml'] = `<worksheet><sheetData>${lines.join('')}</sheetData></worksheet>`;
  return files;
}

export function pptxFiles(): Record<string, string> {
  const A = 'xmlns:a="a" xmlns:p="p"';
  return {
    '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
    'ppt/presentation.xml': `<p:presentation ${A}/>`,
    'ppt/slides/slide2.xml': `<p:sld ${A}><a:p><a:r><a:t>二枚目のスライド</a:t></a:r></a:p></p:sld>`,
    'ppt/slides/slide1.xml': `<p:sld ${A}><a:p><a:r><a:t>見積書</a:t></a:r></a:p><a:p><a:r><a:t>株式会社サンプル</a:t></a:r></a:p></p:sld>`,
    'ppt/notesSlides/notesSlide1.xml': `<p:notes ${A}><a:p><a:r><a:t>ノート: カード 4111 1111 1111 1111</a:t></a:r></a:p></p:notes>`,
  };
}

function writeU16(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff;
  bytes[at + 1] = (value >> 8) & 0xff;
}

function writeU32(bytes: Uint8Array, at: number, value: number): void {
  writeU16(bytes, at, value & 0xffff);
  writeU16(bytes, at + 2, (value >>> 16) & 0xffff);
}

function readU32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24)) >>> 0;
}

/** Rewrites every central-directory record (and local header) of a jszip archive. */
export function patchZip(archive: Uint8Array, patch: { flags?: number; method?: number; uncompressedSize?: number }): Uint8Array {
  const bytes = archive.slice();
  for (let at = 0; at + 4 <= bytes.length; at += 1) {
    const signature = readU32(bytes, at);
    if (signature === 0x02014b50) {
      if (patch.flags !== undefined) writeU16(bytes, at + 8, patch.flags);
      if (patch.method !== undefined) writeU16(bytes, at + 10, patch.method);
      if (patch.uncompressedSize !== undefined) writeU32(bytes, at + 24, patch.uncompressedSize);
    } else if (signature === 0x04034b50) {
      if (patch.flags !== undefined) writeU16(bytes, at + 6, patch.flags);
      if (patch.method !== undefined) writeU16(bytes, at + 8, patch.method);
      if (patch.uncompressedSize !== undefined) writeU32(bytes, at + 22, patch.uncompressedSize);
    }
  }
  return bytes;
}

/** A minimal Compound File (512-byte sectors): header, one FAT sector, one directory sector. */
export function cfbWith(streamNames: readonly string[]): Uint8Array {
  const bytes = new Uint8Array(512 * 3);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((byte, index) => (bytes[index] = byte));
  writeU16(bytes, 0x18, 0x3e);
  writeU16(bytes, 0x1a, 3);
  writeU16(bytes, 0x1c, 0xfffe);
  writeU16(bytes, 0x1e, 9);
  writeU16(bytes, 0x20, 6);
  writeU32(bytes, 0x2c, 1);
  writeU32(bytes, 0x30, 1);
  writeU32(bytes, 0x44, 0xfffffffe);
  for (let index = 0; index < 109; index += 1) writeU32(bytes, 0x4c + index * 4, 0xffffffff);
  writeU32(bytes, 0x4c, 0);
  const fat = 512;
  for (let index = 0; index < 128; index += 1) writeU32(bytes, fat + index * 4, 0xffffffff);
  writeU32(bytes, fat, 0xfffffffd);
  writeU32(bytes, fat + 4, 0xfffffffe);
  const directory = 1024;
  ['Root Entry', ...streamNames].slice(0, 4).forEach((name, index) => {
    const entry = directory + index * 128;
    [...name].forEach((character, unit) => writeU16(bytes, entry + unit * 2, character.charCodeAt(0)));
    writeU16(bytes, entry + 0x40, (name.length + 1) * 2);
    bytes[entry + 0x42] = index === 0 ? 5 : 2;
  });
  return bytes;
}

export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n');
}

/** A one-page PDF per text, with a correct cross-reference table. */
export function pdfWithPages(texts: readonly string[]): Uint8Array {
  const objects: string[] = [];
  const pageIds = texts.map((_, index) => 4 + index * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${texts.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  texts.forEach((text, index) => {
    const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
    objects[4 + index * 2] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + index * 2} 0 R >>`;
    objects[5 + index * 2] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = body.length;
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id += 1) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(body);
}
