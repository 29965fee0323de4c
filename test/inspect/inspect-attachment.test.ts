import { afterEach, describe, expect, it, vi } from 'vitest';
import { inspectAttachment } from '../../src/inspect/index.js';
import { customerWorkbook, encodeJapanese, utf8, xlsxFiles, zipOf } from './extract/fixtures.js';

describe('inspectAttachment', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('finds the same in a workbook read from its bytes as read as strings (the path without TextEncoder)', async () => {
    const bytes = await zipOf(customerWorkbook(300));
    const attachment = { name: '顧客一覧.xlsx', size: bytes.length };
    const fromBytes = await inspectAttachment(attachment, bytes);
    vi.stubGlobal('TextEncoder', undefined);
    const fromStrings = await inspectAttachment(attachment, bytes);
    expect(fromBytes).toEqual(fromStrings);
    expect(fromBytes.personalData.find((tally) => tally.kind === 'my-number')?.high).toBe(42);
    expect(fromBytes.personalData.map((tally) => tally.kind)).toEqual(expect.arrayContaining(['address', 'phone']));
  });

  it('reads an xlsx and reports My Number masked, with the sheet it is on', async () => {
    const bytes = await zipOf(xlsxFiles());
    const inspection = await inspectAttachment({ name: '顧客一覧.xlsx', size: bytes.length }, bytes);
    expect(inspection).toMatchObject({ name: '顧客一覧.xlsx', size: bytes.length, status: 'inspected', reason: '' });
    const myNumber = inspection.personalData.find((tally) => tally.kind === 'my-number');
    expect(myNumber?.highSamples).toContain('1234 **** 9018');
    expect(myNumber?.parts.some((part) => part.startsWith('sheet:'))).toBe(true);
    expect(JSON.stringify(inspection)).not.toContain('123456789018');
  });

  it('reads Shift_JIS CSV', async () => {
    const bytes = encodeJapanese('氏名,個人番号\n山田,1234-5678-9018\n', 'SJIS');
    const inspection = await inspectAttachment({ name: '名簿.csv', size: bytes.length }, bytes);
    expect(inspection.status).toBe('inspected');
    expect(inspection.personalData.map((tally) => tally.kind)).toContain('my-number');
  });

  it('reports a PDF without a reader as uninspectable rather than clean', async () => {
    const bytes = utf8('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
    const inspection = await inspectAttachment({ name: 'a.pdf', size: bytes.length }, bytes);
    expect(inspection.status).toBe('uninspectable');
    expect(inspection.reason).not.toBe('');
  });

  it('reports a password ZIP as encrypted', async () => {
    const { ZipWriter, Uint8ArrayReader, Uint8ArrayWriter } = await import('@zip.js/zip.js');
    const writer = new ZipWriter(new Uint8ArrayWriter(), { password: 'correct horse battery', encryptionStrength: 3 });
    await writer.add('a.txt', new Uint8ArrayReader(utf8('secret')));
    const bytes = await writer.close();
    const inspection = await inspectAttachment({ name: 'a.zip', size: bytes.length }, bytes);
    expect(inspection.status).toBe('encrypted');
  });
});
