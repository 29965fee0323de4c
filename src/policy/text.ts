/**
 * Folds text for matching: NFKC turns full-width letters, half-width katakana and compatibility forms
 * into their ordinary forms (ＳＥＣＲＥＴ → SECRET, ｹﾝﾄｳ → ケントウ), then case is dropped.
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** `U+0430`: the code point of the first character, four hex digits at least. */
export function codePointLabel(char: string): string {
  const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase();
  return `U+${'0000'.slice(hex.length)}${hex}`;
}
