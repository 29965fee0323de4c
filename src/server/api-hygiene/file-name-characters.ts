/**
 * Characters that change how a file name looks without showing themselves: bidirectional controls turn
 * `invoice\u202Efdp.exe` into what reads as `invoiceexe.pdf` (CVE-2021-42574 "Trojan Source",
 * https://trojansource.codes/), zero-width ones make two names look alike. Unicode general categories
 * Cc (C0, DEL, C1) and Cf (https://www.unicode.org/reports/tr44/#General_Category_Values).
 */
const HIDDEN_CHARACTER = /[\p{Cc}\p{Cf}]/u;

/**
 * Names of the characters most often used to disguise a name; the rest are named by category only. The
 * table of src/policy/lookalike/character-names.ts keeps only letters the look-alike check flags, none of these.
 */
const CHARACTER_NAMES: Readonly<Record<number, string>> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/**
 * Why a file name cannot be accepted because of an invisible character, e.g. `contains U+202E
 * RIGHT-TO-LEFT OVERRIDE`, or null. Callers put the field in front (`files[0].name contains …`).
 */
export function hiddenCharacterProblem(name: string): string | null {
  const found = HIDDEN_CHARACTER.exec(name)?.[0];
  const codePoint = found?.codePointAt(0);
  if (found === undefined || codePoint === undefined) return null;
  const label = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const kind = /\p{Cc}/u.test(found) ? '(a control character)' : '(a format character)';
  return `contains ${label} ${CHARACTER_NAMES[codePoint] ?? kind}`;
}
