import type { TextPart } from '../i18n/translate.js';

/** A piece of displayed text: ordinary words, or an address (or domain) cut where a line may break. */
export type TextRun = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'address'; readonly pieces: readonly string[] };

/** The placeholders of src/i18n/tables/findings.ts and pane.ts whose values are addresses or domains. */
const ADDRESS_PARAMS: ReadonlySet<string> = new Set(['address', 'claimed', 'domain', 'domains', 'imitates', 'unicode', 'ascii', 'entry']);

// `@`, the dots IDNA accepts between labels (RFC 3490 §3.1) and the spaces between listed domains.
const AFTER_BREAK = /[@\uff20.\u3002\uff0e\uff61\s]/u;

// Brackets and punctuation written against an address in a template (`<{address}>`, `（{domain}）。`).
const LEADING_MARKS = /^[\p{P}\p{S}]+/u;
const TRAILING_MARKS = /[\p{P}\p{S}]+$/u;

/** The address cut after each `@`, dot or space: a line may end there and nowhere else. */
export function addressPieces(value: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of value) {
    const last = piece.slice(-1);
    if (last !== '' && AFTER_BREAK.test(last) && !AFTER_BREAK.test(char)) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * A translated text's pieces as runs, each address cut into pieces and holding the brackets and
 * punctuation written against it, so `<` or `）。` never start or end a line of their own.
 */
export function textRuns(parts: readonly TextPart[]): TextRun[] {
  const texts = parts.map((part) => part.text);
  const runs: TextRun[] = [];
  parts.forEach((part, index) => {
    const text = texts[index] ?? '';
    if (part.param === undefined || !ADDRESS_PARAMS.has(part.param) || text === '') {
      if (text !== '') runs.push({ kind: 'text', text });
      return;
    }
    const previous = runs.at(-1);
    const before = previous?.kind === 'text' ? (TRAILING_MARKS.exec(previous.text)?.[0] ?? '') : '';
    if (previous?.kind === 'text' && before !== '') {
      runs.pop();
      if (previous.text.length > before.length) runs.push({ kind: 'text', text: previous.text.slice(0, -before.length) });
    }
    const next = parts[index + 1]?.param === undefined ? (texts[index + 1] ?? '') : '';
    const after = LEADING_MARKS.exec(next)?.[0] ?? '';
    if (after !== '') texts[index + 1] = next.slice(after.length);
    const pieces = addressPieces(text);
    pieces[0] = before + (pieces[0] ?? '');
    pieces[pieces.length - 1] = (pieces.at(-1) ?? '') + after;
    runs.push({ kind: 'address', pieces });
  });
  return runs;
}
