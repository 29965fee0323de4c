// The policy draft's problems as the administrator types: a JSON syntax error with its line and column,
// else every problem the real policy parser finds (src/policy), each with its JSON path. The server runs
// the same parser on Save, so what passes here is what it accepts.
import { parseJsonText, parsePolicyText, type PolicyProblem } from '../policy/index.js';

export type DraftState =
  | { readonly kind: 'syntax'; readonly line: number; readonly column: number; readonly message: string }
  | { readonly kind: 'invalid'; readonly document: unknown; readonly problems: readonly PolicyProblem[] }
  | { readonly kind: 'valid'; readonly document: unknown };

export function draftState(text: string): DraftState {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { kind: 'syntax', line: parsed.line, column: parsed.column, message: parsed.detail };
  const document = parsed.value;
  const policy = parsePolicyText(text, document);
  return policy.ok ? { kind: 'valid', document } : { kind: 'invalid', document, problems: policy.problems };
}

/** The draft as the editor shows it: two-space JSON with a final newline, as the policy file is written. */
export function draftText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
