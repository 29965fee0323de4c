import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractText } from '../../../src/inspect/index.js';
import { docxFiles, encodeJapanese, patchZip, utf8, zipOf } from './fixtures.js';
import { expectOk, textAt } from './results.js';

describe('extractText on ZIP archives', () => {
  it('reads each member with the same dispatcher, one level deep, and reports nested archives', async () => {
    const nested = await zipOf({ 'inner.txt': 'マイナンバー 123456789018' });
    const archive = await zipOf({
      'docs/見積書.docx': await zipOf(docxFiles()),
      'list.csv': encodeJapanese('氏名,電話\n山田,03-1234-5678', 'SJIS'),
      'nested.zip': nested,
      'photo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
    });
    const result = expectOk(await extractText('送付資料.zip', archive));
    expect(textAt(result, 'entry:docs/見積書.docx#header')).toBe('社外秘ヘッダー');
    expect(textAt(result, 'entry:list.csv')).toBe('氏名,電話\n山田,03-1234-5678');
    expect(result.parts.map((part) => part.text).join('\n')).not.toContain('123456789018');
    expect(result.unread).toEqual([
      { where: 'entry:nested.zip', status: 'uninspectable', reason: 'nested-archive' },
      { where: 'entry:photo.png', status: 'uninspectable', reason: 'image' },
    ]);
  });

  it('reports an encrypted archive nested inside another as encrypted', async () => {
    const inner = patchZip(await zipOf({ 'a.txt': 'x' }), { flags: 0x0009 });
    const result = expectOk(await extractText('outer.zip', await zipOf({ 'inner.zip': inner }, 'STORE')));
    expect(result.unread).toEqual([{ where: 'entry:inner.zip', status: 'encrypted', reason: 'zip-encrypted' }]);
  });

  it('decodes CP932 member names written without the UTF-8 flag', async () => {
    const archive = await zipOf({ 'abcd.txt': '中身' });
    const name = encodeJapanese('名簿.txt', 'SJIS');
    expect(name.length).toBe(8);
    // jszip sets the UTF-8 flag only for non-ASCII names, so an ASCII name of the same length is overwritten.
    const renamed = archive.slice();
    for (let at = 0; at + 8 <= renamed.length; at += 1) {
      if (String.fromCharCode(...renamed.subarray(at, at + 8)) === 'abcd.txt') renamed.set(name, at);
    }
    const result = expectOk(await extractText('names.zip', renamed));
    expect(result.parts).toEqual([{ where: 'entry:名簿.txt', text: '中身' }]);
  });

  it.each([
    ['traditional encryption (flag bit 0)', { flags: 0x0009 }, 'zip-encrypted'],
    ['WinZip AES (method 99)', { flags: 0x0001, method: 99 }, 'zip-aes'],
    ['PKWARE strong encryption (flag bit 6)', { flags: 0x0041 }, 'zip-encrypted'],
  ])('reports %s from the central directory', async (_label, patch, reason) => {
    const archive = patchZip(await zipOf({ 'a.txt': 'secret', 'b.txt': 'more' }), patch);
    expect(await extractText('ppap.zip', archive)).toMatchObject({ status: 'encrypted', reason });
  });

  it('reports an unknown compression method instead of guessing', async () => {
    const archive = patchZip(await zipOf({ 'a.txt': 'hello' }), { method: 14 });
    expect(await extractText('lzma.zip', archive)).toMatchObject({ status: 'uninspectable', reason: 'unsupported-compression' });
  });
});

describe('extractText on archives made by 7-Zip with a password', () => {
  const directory = mkdtempSync(join(tmpdir(), 'preflight-7z-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it.each([
    ['ZipCrypto', 'ZipCrypto', 'zip-encrypted'],
    ['AES-256', 'AES256', 'zip-aes'],
  ])('reports a %s archive as encrypted', async (label, method, reason) => {
    writeFileSync(join(directory, 'secret.txt'), 'マイナンバー 123456789018');
    const output = join(directory, `${label}.zip`);
    const run = spawnSync('7z', ['a', '-tzip', '-pPassw0rd', `-mem=${method}`, output, join(directory, 'secret.txt')], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(await extractText('見積.zip', new Uint8Array(readFileSync(output)))).toMatchObject({ status: 'encrypted', reason });
  });
});

describe('extractText within its bounds', () => {
  const zeros = new Uint8Array(4 * 1024 * 1024);

  it('stops a highly compressed member by its ratio', async () => {
    const bomb = await zipOf({ 'zeros.txt': zeros });
    expect(bomb.length).toBeLessThan(20_000);
    const result = await extractText('bomb.zip', bomb, { ratioFloorBytes: 64 * 1024 });
    expect(result).toMatchObject({ status: 'uninspectable', reason: 'limit:ratio', limit: 'ratio' });
  });

  it('stops a member whose declared size lies, while inflating', async () => {
    const liar = patchZip(await zipOf({ 'zeros.txt': zeros }), { uncompressedSize: 100 });
    const result = await extractText('liar.zip', liar, { maxEntryBytes: 1024 * 1024, maxRatio: 1_000_000 });
    expect(result).toMatchObject({ status: 'uninspectable', limit: 'entry-bytes' });
    expect(result.bytesRead).toBeGreaterThan(1024 * 1024);
    expect(result.bytesRead).toBeLessThan(2 * 1024 * 1024);
  });

  it('refuses a member whose declared size is over the limit before inflating it', async () => {
    const result = await extractText('big.zip', await zipOf({ 'zeros.txt': zeros }), { maxEntryBytes: 1024 * 1024, maxRatio: 1_000_000 });
    expect(result).toMatchObject({ status: 'uninspectable', limit: 'entry-bytes', bytesRead: 0 });
  });

  it('stops when the members together exceed the total', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 8 }, (_, index) => [`part${index}.txt`, new Uint8Array(300_000).fill(0x41 + index)]),
    );
    const result = await extractText('many.zip', await zipOf(files), { maxTotalBytes: 1_000_000, maxRatio: 1_000_000 });
    expect(result).toMatchObject({ status: 'uninspectable', limit: 'total-bytes' });
    expect(result.status === 'uninspectable' ? result.parts.length : -1).toBe(3);
  });

  it('refuses an archive with more members than allowed', async () => {
    const files = Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`f${index}.txt`, 'x']));
    expect(await extractText('many.zip', await zipOf(files), { maxEntries: 10 })).toMatchObject({
      status: 'uninspectable',
      limit: 'entries',
    });
  });

  it('stops when the step budget is used up', async () => {
    const files = Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`f${index}.txt`, `text ${index}`]));
    expect(await extractText('steps.zip', await zipOf(files), { maxSteps: 10 })).toMatchObject({ status: 'uninspectable', limit: 'steps' });
  });

  it('stops when the clock it is given runs past the time budget', async () => {
    let now = 0;
    const clock = (): number => (now += 100);
    const files = Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`f${index}.txt`, `text ${index}`]));
    expect(await extractText('slow.zip', await zipOf(files), { now: clock, timeBudgetMs: 1000 })).toMatchObject({
      status: 'uninspectable',
      limit: 'time',
    });
  });

  it('stops a plain text file larger than the total', async () => {
    expect(await extractText('huge.txt', utf8('a'.repeat(2000)), { maxTotalBytes: 1000 })).toMatchObject({
      status: 'uninspectable',
      limit: 'total-bytes',
    });
  });

  it('opens no archive at all when the depth is 0', async () => {
    expect(await extractText('a.zip', await zipOf({ 'a.txt': 'x' }), { maxDepth: 0 })).toMatchObject({
      status: 'uninspectable',
      limit: 'depth',
    });
  });
});

describe('extractText on other binary files', () => {
  it.each([
    ['an image', 'scan.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image'],
    ['a 7z archive', 'a.7z', new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), 'unsupported-archive'],
    ['a RAR archive', 'a.rar', utf8('Rar!\x1a\x07\x01\x00'), 'unsupported-archive'],
    ['unknown binary', 'data.bin', new Uint8Array([0, 1, 2, 3, 0, 255, 254]), 'unsupported-type'],
    [
      'a PDF without the pane reader',
      'a.pdf',
      utf8('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF'),
      'pdf-reader-unavailable',
    ],
  ])('reports %s as uninspectable', async (_label, name, bytes, reason) => {
    expect(await extractText(name, bytes)).toMatchObject({ status: 'uninspectable', reason });
  });

  it('reports a PDF with an /Encrypt dictionary as encrypted', async () => {
    const pdf = utf8('%PDF-1.7\ntrailer << /Root 1 0 R /Encrypt 5 0 R >>\n%%EOF');
    expect(await extractText('a.pdf', pdf)).toMatchObject({ status: 'encrypted', reason: 'pdf-encrypted' });
  });
});
