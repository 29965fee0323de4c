import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { TextWriter, Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { writeAesZip } from '../../../src/server/zip/aes-zip-writer.js';
import type { WrittenEntry, ZipEntrySource } from '../../../src/server/zip/zip-source.js';
import { extractWithSevenZip, listWithSevenZip } from './seven-zip.js';

const PASSWORD = 'Kp7vQw3ZrT9xMh2nB4cD';
const MODIFIED = new Date(2026, 10, 22, 9, 30, 14);

async function zip(entries: readonly ZipEntrySource[], password = PASSWORD): Promise<{ archive: Buffer; written: WrittenEntry[] }> {
  const written: WrittenEntry[] = [];
  const parts: Buffer[] = [];
  for await (const part of writeAesZip(entries, { password, modified: MODIFIED, onEntry: (entry) => written.push(entry) }))
    parts.push(part);
  return { archive: Buffer.concat(parts), written };
}

function compressibleText(bytes: number): Buffer {
  const lines: string[] = [];
  let length = 0;
  for (let row = 0; length < bytes; row += 1) {
    const line = `${row},山田 太郎,taro${row % 97}@example.co.jp,東京都千代田区${row % 13}-${row % 7},${(row * 7919) % 100000}\n`;
    lines.push(line);
    length += Buffer.byteLength(line);
  }
  return Buffer.from(lines.join('')).subarray(0, bytes);
}

const FILES = new Map<string, Buffer>([
  ['見積書.xlsx', randomBytes(18_342)],
  ['empty.txt', Buffer.alloc(0)],
  ['random.bin', randomBytes(5 * 1024 * 1024)],
  ['customers.csv', compressibleText(3 * 1024 * 1024 + 7)],
  ['tiny.txt', Buffer.from('ok')],
]);

describe('writeAesZip, opened by Debian 7-Zip', () => {
  it('gives back every file byte for byte with the right password, Japanese name included', async () => {
    const { archive, written } = await zip([...FILES].map(([name, content]) => ({ name, content })));
    const { run, files } = await extractWithSevenZip(archive, PASSWORD);
    expect(run.output).toContain('Everything is Ok');
    expect(run.code).toBe(0);
    expect([...files.keys()].sort()).toEqual([...FILES.keys()].sort());
    for (const [name, content] of FILES) expect(files.get(name)?.equals(content), name).toBe(true);
    expect(new Map(written.map((entry) => [entry.name, entry.compression]))).toEqual(
      new Map([
        ['見積書.xlsx', 'store'],
        ['empty.txt', 'store'],
        ['random.bin', 'store'],
        ['customers.csv', 'deflate'],
        ['tiny.txt', 'store'],
      ]),
    );
    const csv = written.find((entry) => entry.name === 'customers.csv');
    expect(csv?.compressedSize).toBeLessThan((FILES.get('customers.csv') as Buffer).length / 3);
  });

  it('fails with a wrong password and writes no plaintext', async () => {
    const { archive } = await zip([
      { name: 'customers.csv', content: compressibleText(100_000) },
      { name: 'a.bin', content: randomBytes(1000) },
    ]);
    const { run, files } = await extractWithSevenZip(archive, 'Wrong-password-23456');
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('Wrong password');
    for (const content of files.values()) expect(content.length).toBe(0);
  });

  it('is listed by 7z l -slt as AES-256 (stored and deflated), WinZip AES, with UTF-8 names and no CRC', async () => {
    const { archive } = await zip([
      { name: '見積書.xlsx', content: randomBytes(4096) },
      { name: 'notes.txt', content: compressibleText(50_000) },
    ]);
    const entries = await listWithSevenZip(archive);
    expect(entries.map((entry) => [entry.get('Path'), entry.get('Method'), entry.get('Encrypted'), entry.get('Characteristics')])).toEqual([
      ['見積書.xlsx', 'AES-256 Store', '+', 'WzAES : Encrypt UTF8'],
      // Deflated sizes are known only at the end, so they follow the data in a descriptor.
      ['notes.txt', 'AES-256 Deflate', '+', 'WzAES : Encrypt Descriptor UTF8'],
    ]);
    for (const entry of entries) {
      expect(entry.get('CRC') ?? '').toBe('');
      expect(entry.get('Modified')).toBe('2026-11-22 09:30:14');
    }
  });

  it('streams content given as chunks (a file stream), with a data descriptor, and forced methods', async () => {
    const text = compressibleText(2 * 1024 * 1024);
    const random = randomBytes(3 * 1024 * 1024 + 5);
    const { archive, written } = await zip([
      { name: 'stream.csv', content: Readable.from([text.subarray(0, 100_001), text.subarray(100_001)]) },
      { name: 'stored.csv', content: text, compression: 'store' },
      { name: 'random-deflated.bin', content: Readable.from([random]), compression: 'deflate' },
    ]);
    const { run, files } = await extractWithSevenZip(archive, PASSWORD);
    expect(run.code).toBe(0);
    expect(files.get('stream.csv')?.equals(text)).toBe(true);
    expect(files.get('stored.csv')?.equals(text)).toBe(true);
    expect(files.get('random-deflated.bin')?.equals(random)).toBe(true);
    expect(written.map((entry) => entry.compression)).toEqual(['deflate', 'store', 'deflate']);
  });
});

describe('writeAesZip, read back by zip.js (an independent WinZip AES implementation)', () => {
  it('decrypts and authenticates every entry, and rejects a wrong password', async () => {
    const { archive } = await zip([
      { name: '見積書_山田様.txt', content: Buffer.from('見積金額: 1,234,567円\n'.repeat(500)) },
      { name: 'odd.bin', content: randomBytes(17) },
    ]);
    const reader = new ZipReader(new Uint8ArrayReader(archive), { useWebWorkers: false });
    const entries = await reader.getEntries();
    expect(entries.map((entry) => [entry.filename, entry.encrypted])).toEqual([
      ['見積書_山田様.txt', true],
      ['odd.bin', true],
    ]);
    const first = entries[0];
    if (first === undefined || first.directory) throw new Error('no file entry');
    expect(await first.getData(new TextWriter(), { password: PASSWORD })).toBe('見積金額: 1,234,567円\n'.repeat(500));
    const second = entries[1];
    if (second === undefined || second.directory) throw new Error('no file entry');
    await expect(second.getData(new Uint8ArrayWriter(), { password: 'Wrong-password-23456' })).rejects.toThrow(/Invalid password/);
    await reader.close();
  });
});
