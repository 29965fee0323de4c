import { parseJsonText, ROOT_PATH, strictUtf8Text, syntaxDetail } from '../policy/index.js';
import { problem, type Parsed } from './problem.js';

/** The decoded text as well as its value, for readers that check what the value no longer shows (policy-input.ts). */
export interface JsonDocument {
  readonly text: string;
  readonly value: unknown;
}

/** UTF-8 (a BOM is allowed), then JSON; both failures are problems at `$`. */
export function decodeJson(bytes: Uint8Array): Parsed<unknown> {
  const decoded = decodeJsonDocument(bytes);
  return decoded.ok ? { ok: true, value: decoded.value.value } : decoded;
}

export function decodeJsonDocument(bytes: Uint8Array): Parsed<JsonDocument> {
  const text = strictUtf8Text(bytes);
  if (text === null) return { ok: false, problems: [problem(ROOT_PATH, 'cli.input.notUtf8')] };
  const parsed = parseJsonText(text);
  if (parsed.ok) return { ok: true, value: { text, value: parsed.value } };
  return { ok: false, problems: [problem(ROOT_PATH, 'cli.input.badJson', { detail: syntaxDetail(parsed) })] };
}
