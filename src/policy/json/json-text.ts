// JSON text to a value, or where and why it is not JSON. Every reader of JSON text (the policy file, the
// console's editor, the CLI, answers from the server, Office sessionData) starts here, so a syntax error
// reads the same everywhere: the engine's own words, and a line and column found by our scanner, because
// JSON.parse's messages differ between engines and some name no position (json-error-offset.ts).
import { jsonErrorOffset } from './json-error-offset.js';

export interface JsonSyntaxError {
  /** What JSON.parse said, on one line. */
  readonly detail: string;
  /** Where the text first stops being JSON, from 0. */
  readonly offset: number;
  /** The same place from 1, as editors count. */
  readonly line: number;
  readonly column: number;
}

export type JsonText = { readonly ok: true; readonly value: unknown } | ({ readonly ok: false } & JsonSyntaxError);

export interface JsonTextOptions {
  /**
   * Refuse any `__proto__` key. For values that are used without a reader that checks keys (what the add-in
   * keeps in sessionData): a spread or Object.assign of such a value would set a prototype.
   */
  readonly forbidProtoKeys?: boolean;
}

/** Line and column (from 1) of a character offset in the text. */
export function lineAndColumn(text: string, offset: number): { readonly line: number; readonly column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

const FORBIDDEN_PROTO = 'forbidden key "__proto__"';

function refuseProto(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new SyntaxError(FORBIDDEN_PROTO);
  return value;
}

export function parseJsonText(text: string, options: JsonTextOptions = {}): JsonText {
  try {
    return { ok: true, value: options.forbidProtoKeys === true ? JSON.parse(text, refuseProto) : (JSON.parse(text) as unknown) };
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
    const offset = detail === FORBIDDEN_PROTO ? Math.max(0, text.indexOf('"__proto__"')) : (jsonErrorOffset(text) ?? text.length);
    return { ok: false, detail, offset, ...lineAndColumn(text, offset) };
  }
}

/**
 * The engine's words with the line and column, as people editing a file need them. Node 20's engine names a
 * character position and no line, newer ones name the line themselves, and an empty file has neither; only
 * the first gets ours added.
 */
export function syntaxDetail(error: JsonSyntaxError): string {
  const named = /at position \d+/.test(error.detail) && !/line \d+/.test(error.detail);
  return `${error.detail}${named ? ` (line ${error.line}, column ${error.column})` : ''}`;
}

/**
 * The value of a JSON text, or undefined when it is not JSON (no JSON text means undefined): for readers
 * that treat both alike. It never runs the scanner, so the send handler's bundle does not carry it.
 */
export function jsonValue(text: string, options: JsonTextOptions = {}): unknown {
  try {
    return options.forbidProtoKeys === true ? JSON.parse(text, refuseProto) : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
