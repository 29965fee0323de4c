import { describe, expect, it } from 'vitest';
import { extractText } from '../../../src/inspect/index.js';
import { cfbWith, docxFiles, pptxFiles, xlsxFiles, zipOf } from './fixtures.js';
import { expectOk, textAt, wheres } from './results.js';

describe('extractText on Word documents', () => {
  it('reads body, header, footer, footnotes, comments and properties, skipping ruby text and field codes', async () => {
    const result = expectOk(await extractText('見積書.docx', await zipOf(docxFiles())));
    expect(textAt(result, 'body')).toBe('お客様 山田太郎 様\nマイナンバー\t1234 5678 9018\nA & B <C>');
    expect(textAt(result, 'header')).toBe('社外秘ヘッダー');
    expect(textAt(result, 'footer')).toBe('フッター taro@example.co.jp');
    expect(textAt(result, 'footnote')).toBe('脚注の本文');
    expect(textAt(result, 'comment')).toBe('コメント 090-1234-5678');
    expect(textAt(result, 'properties')).toBe('山田 太郎\n佐藤');
    expect(result.unread).toEqual([]);
  });

  it('recognises a Word package by its parts even under another name', async () => {
    const result = expectOk(await extractText('renamed.bin', await zipOf(docxFiles())));
    expect(textAt(result, 'header')).toBe('社外秘ヘッダー');
  });
});

describe('extractText on Excel workbooks', () => {
  it('reads shared and inline strings, numbers stored as numbers and sheet names, skipping furigana', async () => {
    const result = expectOk(await extractText('顧客.xlsx', await zipOf(xlsxFiles())));
    expect(textAt(result, 'sheet-names')).toBe('顧客一覧\nSecond');
    expect(textAt(result, 'sheet:顧客一覧')).toBe('氏名\tマイナンバー\n山田太郎\t123456789018\tインライン文字列\n123456789018\t式の結果');
    expect(textAt(result, 'sheet:Second')).toBe('二枚目');
    expect(textAt(result, 'comment')).toBe('セルのコメント');
    const everything = result.parts.map((part) => part.text).join('\n');
    expect(everything).not.toContain('ヤマダタロウ');
    expect(everything).not.toContain('インライン\n');
  });

  it('names a sheet by its file when the workbook does not list it', async () => {
    const files = xlsxFiles();
    files['xl/worksheets/sheet9.xml'] =
      '<worksheet><sheetData><row><c t="inlineStr"><is><t>隠れ</t></is></c></row></sheetData></worksheet>';
    const result = expectOk(await extractText('a.xlsx', await zipOf(files)));
    expect(textAt(result, 'sheet:sheet9.xml')).toBe('隠れ');
  });
});

describe('extractText on PowerPoint presentations', () => {
  it('reads slides in order and the notes', async () => {
    const result = expectOk(await extractText('提案.pptx', await zipOf(pptxFiles())));
    expect(wheres(result)).toEqual(['slide:1', 'slide:2', 'notes:1']);
    expect(textAt(result, 'slide:1')).toBe('見積書\n株式会社サンプル');
    expect(textAt(result, 'notes:1')).toBe('ノート: カード 4111 1111 1111 1111');
  });
});

describe('extractText on encrypted and broken Office files', () => {
  it.each([
    ['a CFB with EncryptionInfo and EncryptedPackage', 'secret.xlsx', cfbWith(['EncryptionInfo', 'EncryptedPackage'])],
    ['the same container under a neutral name', 'secret.bin', cfbWith(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage'])],
    ['a bare CFB header under an OOXML name', 'secret.docx', cfbWith([]).subarray(0, 512)],
  ])('reports %s as encrypted', async (_label, name, bytes) => {
    expect(await extractText(name, bytes)).toMatchObject({ status: 'encrypted', reason: 'office-encrypted' });
  });

  it('reports a legacy Word document as uninspectable', async () => {
    expect(await extractText('old.doc', cfbWith(['WordDocument', '1Table']))).toMatchObject({
      status: 'uninspectable',
      reason: 'legacy-office',
    });
  });

  it('reports an OOXML name over bytes that are no package as corrupt', async () => {
    expect(await extractText('broken.xlsx', new Uint8Array([1, 2, 3, 0, 5]))).toMatchObject({ status: 'uninspectable', reason: 'corrupt' });
  });

  it('reports a truncated package', async () => {
    const bytes = await zipOf(docxFiles());
    const result = await extractText('cut.docx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(result.status).toBe('uninspectable');
    expect(['truncated', 'corrupt']).toContain(result.status === 'uninspectable' ? result.reason : '');
  });
});
