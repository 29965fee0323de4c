import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractText, type ExtractionResult } from '../../../src/inspect/index.js';
import { docxFiles, utf8, xlsxFiles, zipOf } from './fixtures.js';

const PREFIXES: readonly (readonly number[])[] = [
  [],
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  [...'%PDF-1.7\n'].map((character) => character.charCodeAt(0)),
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0x1b, 0x24, 0x42],
  [...'From: a@b\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n'].map((character) => character.charCodeAt(0)),
];

const NAMES = [
  'a.txt',
  'a.csv',
  'a.html',
  'a.eml',
  'a.docx',
  'a.xlsx',
  'a.pptx',
  'a.zip',
  'a.pdf',
  'a.doc',
  'a.bin',
  'noext',
  '名簿.tsv',
  '.xlsx',
];

const LIMITS = { maxSteps: 2000, maxTotalBytes: 4 * 1024 * 1024, maxEntryBytes: 1024 * 1024 };

function expectResult(result: ExtractionResult): void {
  expect(['ok', 'encrypted', 'uninspectable']).toContain(result.status);
  if (result.status !== 'ok') expect(result.reason).not.toBe('internal-error');
  expect(result.bytesRead).toBeGreaterThanOrEqual(0);
}

describe('extractText on arbitrary input', () => {
  it('returns a result for random bytes under random names, with or without a known header', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PREFIXES),
        fc.uint8Array({ maxLength: 2048 }),
        fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 20 })),
        async (prefix, body, name) => {
          expectResult(await extractText(name, Uint8Array.from([...prefix, ...body]), LIMITS));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('returns a result for real packages with random bytes overwritten', async () => {
    const samples = [
      await zipOf(docxFiles()),
      await zipOf(xlsxFiles()),
      await zipOf({ 'a.txt': 'hello', 'b.zip': await zipOf({ c: 'd' }) }),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...samples.keys()),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('a.docx', 'a.xlsx', 'a.zip'),
        async (index, edits, name) => {
          const bytes = (samples[index] ?? new Uint8Array()).slice();
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          expectResult(await extractText(name, bytes, LIMITS));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns a result for random markup', async () => {
    const markup = fc
      .array(
        fc.constantFrom(
          '<',
          '>',
          '/',
          '<w:t>',
          '</w:t>',
          '<script',
          '</script>',
          '<!--',
          '-->',
          '&amp;',
          '&#x',
          ';',
          'a',
          '山',
          '"',
          '=',
          ' ',
          '<c t="s">',
          '<v>',
          '9',
        ),
        { maxLength: 200 },
      )
      .map((pieces) => pieces.join(''));
    await fc.assert(
      fc.asyncProperty(markup, fc.constantFrom('a.html', 'a.xml', 'a.txt'), async (text, name) => {
        expectResult(await extractText(name, utf8(text), LIMITS));
      }),
      { numRuns: 300 },
    );
  });

  // How long these take as they grow is a benchmark's question (npm run bench -- inspection prints the
  // time for 4x the input against 1x); here, that each is read to its end and comes out as it should.
  it.each([
    ['unclosed script tags, kept as the text they are', 'a.html', '<script '.repeat(200_000), '<script '.repeat(200_000).trimEnd()],
    ['unclosed comments, which hide everything after them', 'a.html', '<!--'.repeat(200_000), null],
    ['tags without an end, kept as text', 'a.html', '<a'.repeat(200_000), '<a'.repeat(200_000)],
    ['entity-like runs, kept as text', 'a.html', '&#x'.repeat(200_000), '&#x'.repeat(200_000)],
  ])('reads %s', async (_label, name, text, expected) => {
    const result = await extractText(name, utf8(text));
    expect(result).toMatchObject({ status: 'ok', bytesRead: text.length });
    if (result.status !== 'ok') return;
    expect(result.parts.map((part) => part.text)).toEqual(expected === null ? [] : [expected]);
  });

  it('reads a worksheet of unclosed cells to its end and keeps the rest of the workbook', async () => {
    const files = xlsxFiles();
    files['xl/worksheets/sheet1.xml'] = `<worksheet>${'<c t="s '.repeat(200_000)}</worksheet>`;
    // Stored, not deflated: 1.6 MB of one repeated tag deflates past the zip-bomb ratio and would stop there.
    const result = await extractText('a.xlsx', await zipOf(files, 'STORE'));
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.parts.map((part) => part.where)).toEqual(['sheet-names', 'sheet:Second', 'comment']);
  });
});
