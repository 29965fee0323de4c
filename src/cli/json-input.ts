import { parseJsonText, ROOT_PATH, strictUtf8Text } from '../policy/index.js';
import { problem, type Parsed } from './problem.js';

/** UTF-8 (a BOM is allowed), then JSON; both failures are problems at `$`. */
export function decodeJson(bytes: Uint8Array): Parsed<unknown> {
  const text = strictUtf8Text(bytes);
  if (text === null) return { ok: false, problems: [problem(ROOT_PATH, 'cli.input.notUtf8')] };
  const parsed = parseJsonText(text);
  return parsed.ok ? parsed : { ok: false, problems: [problem(ROOT_PATH, 'cli.input.badJson', { detail: parsed.detail })] };
}
