import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chooseCompression } from '../../../src/server/zip/compression-choice.js';

const TEXT = Buffer.from('氏名,メール,電話\n山田 太郎,taro@example.co.jp,03-1234-5678\n'.repeat(2000));
const RANDOM = randomBytes(100_000);

describe('chooseCompression', () => {
  it.each([
    ['customers.csv', TEXT, 'deflate'],
    ['notes', TEXT, 'deflate'],
    ['NOTES.TXT', TEXT, 'deflate'],
    ['photo.bin', RANDOM, 'store'],
    ['export.log', RANDOM, 'store'],
    ['見積書.xlsx', TEXT, 'store'],
    ['proposal.DOCX', TEXT, 'store'],
    ['scan.pdf', TEXT, 'store'],
    ['photo.JPG', TEXT, 'store'],
    ['bundle.zip', TEXT, 'store'],
    ['empty.txt', Buffer.alloc(0), 'store'],
  ] as const)('%s → %s', (name, sample, expected) => {
    expect(chooseCompression(name, sample)).toBe(expected);
  });

  it('judges a mostly random file by its start', () => {
    expect(chooseCompression('mixed.dat', Buffer.concat([RANDOM, TEXT]))).toBe('store');
    expect(chooseCompression('mixed.dat', Buffer.concat([TEXT, RANDOM]))).toBe('deflate');
  });
});
