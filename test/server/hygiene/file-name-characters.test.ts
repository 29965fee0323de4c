import { describe, expect, it } from 'vitest';
import { hiddenCharacterProblem } from '../../../src/server/api-hygiene/file-name-characters.js';

describe('hiddenCharacterProblem', () => {
  it.each([
    ['invoice\u202Efdp.exe', 'contains U+202E RIGHT-TO-LEFT OVERRIDE'],
    ['a\u202Ab.txt', 'contains U+202A LEFT-TO-RIGHT EMBEDDING'],
    ['a\u2066b.txt', 'contains U+2066 LEFT-TO-RIGHT ISOLATE'],
    ['a\u2069b.txt', 'contains U+2069 POP DIRECTIONAL ISOLATE'],
    ['a\u200Bb.txt', 'contains U+200B ZERO WIDTH SPACE'],
    ['a\u200Fb.txt', 'contains U+200F RIGHT-TO-LEFT MARK'],
    ['\uFEFFa.txt', 'contains U+FEFF ZERO WIDTH NO-BREAK SPACE'],
    ['a\u061Cb.txt', 'contains U+061C ARABIC LETTER MARK'],
    ['a\u0085b.txt', 'contains U+0085 (a control character)'],
    ['a\u009Fb.txt', 'contains U+009F (a control character)'],
    ['a\u0000b.txt', 'contains U+0000 (a control character)'],
    ['a\tb.txt', 'contains U+0009 (a control character)'],
    ['a\u007Fb.txt', 'contains U+007F (a control character)'],
    ['a\u00ADb.txt', 'contains U+00AD (a format character)'],
    ['a\u{E0041}b.txt', 'contains U+E0041 (a format character)'],
  ])('refuses %j: %s', (name, problem) => {
    expect(hiddenCharacterProblem(name)).toBe(problem);
  });

  it.each(['report.pdf', '見積書 (2).xlsx', 'résumé.docx', 'مرحبا.txt', 'a b.txt', '\u00A0nbsp.txt'])('accepts %j', (name) => {
    expect(hiddenCharacterProblem(name)).toBeNull();
  });
});
