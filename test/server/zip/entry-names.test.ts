import { describe, expect, it } from 'vitest';
import { entryNameProblem, uniqueEntryNames } from '../../../src/server/zip/entry-names.js';

describe('entryNameProblem', () => {
  it.each([
    ['見積書.xlsx', null],
    ['report (final).pdf', null],
    ['.hidden', null],
    ['a'.repeat(255), null],
    ['あ'.repeat(85), null],
    ['', 'is empty'],
    [' \t', 'is empty'],
    ['   ', 'is empty'],
    ['a'.repeat(256), 'is longer than 255 bytes in UTF-8'],
    ['あ'.repeat(86), 'is longer than 255 bytes in UTF-8'],
    ['dir/file.txt', 'contains a path separator (/ or \\)'],
    ['..\\evil.exe', 'contains a path separator (/ or \\)'],
    ['/etc/passwd', 'contains a path separator (/ or \\)'],
    ['tab\there.txt', 'contains U+0009 (a control character)'],
    ['del\u007f.txt', 'contains U+007F (a control character)'],
    ['invoice\u202Efdp.exe', 'contains U+202E RIGHT-TO-LEFT OVERRIDE'],
    ['.', 'is not a file name'],
    ['..', 'is not a file name'],
    ['bad\ud800.txt', 'contains an unpaired surrogate'],
    ['bad\udc00.txt', 'contains an unpaired surrogate'],
    ['ok\ud83d\ude00.txt', null],
  ])('%j: %s', (name, problem) => {
    expect(entryNameProblem(name)).toBe(problem);
  });
});

describe('uniqueEntryNames', () => {
  it.each([
    [
      ['a.txt', 'b.txt'],
      ['a.txt', 'b.txt'],
    ],
    [
      ['見積書.xlsx', '見積書.xlsx', '見積書.xlsx'],
      ['見積書.xlsx', '見積書 (2).xlsx', '見積書 (3).xlsx'],
    ],
    [
      ['Report.PDF', 'report.pdf'],
      ['Report.PDF', 'report (2).pdf'],
    ],
    [
      ['a.txt', 'a (2).txt', 'a.txt'],
      ['a.txt', 'a (2).txt', 'a (3).txt'],
    ],
    [
      ['README', 'README'],
      ['README', 'README (2)'],
    ],
    [
      ['.env', '.env'],
      ['.env', '.env (2)'],
    ],
    [
      ['archive.tar.gz', 'archive.tar.gz'],
      ['archive.tar.gz', 'archive.tar (2).gz'],
    ],
  ])('%j → %j', (names, expected) => {
    expect(uniqueEntryNames(names)).toEqual(expected);
  });
});
