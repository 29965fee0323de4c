// The policy draft's problems as the administrator types: a JSON syntax error with its line and column,
// else every problem the real policy parser finds (src/policy), each with its JSON path. The server runs
// the same parser on Save, so what passes here is what it accepts.
import { parsePolicy, type PolicyProblem } from '../policy/index.js';
import { jsonErrorOffset } from './json-error-offset.js';

export type DraftState =
  | { readonly kind: 'syntax'; readonly line: number; readonly column: number; readonly message: string }
  | { readonly kind: 'invalid'; readonly document: unknown; readonly problems: readonly PolicyProblem[] }
  | { readonly kind: 'valid'; readonly document: unknown };

/** Line and column (from 1) of a character offset in the text. */
export function lineAndColumn(text: string, offset: number): { readonly line: number; readonly column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

function syntaxError(text: string, error: SyntaxError): DraftState {
  return { kind: 'syntax', ...lineAndColumn(text, jsonErrorOffset(text) ?? text.length), message: error.message };
}

export function draftState(text: string): DraftState {
  let document: unknown;
  try {
    document = JSON.parse(text) as unknown;
  } catch (error) {
    return syntaxError(text, error instanceof SyntaxError ? error : new SyntaxError(String(error)));
  }
  const parsed = parsePolicy(document);
  return parsed.ok ? { kind: 'valid', document } : { kind: 'invalid', document, problems: parsed.problems };
}

/** The draft as the editor shows it: two-space JSON with a final newline, as the policy file is written. */
export function draftText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
